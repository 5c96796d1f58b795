"""Signals for apps that keep copies of register data (such as the search index)."""

from django.dispatch import Signal

# Sent after a register import changed existing Kommunen; `ags` lists their keys.
# Bulk writes send no post_save, so this is how copies learn of the change.
kommunen_updated = Signal()
