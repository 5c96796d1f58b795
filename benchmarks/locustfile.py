"""The visitors of benchmarks/load.py: 60 % searches (half of them with a comparison Kommune),
30 % entry pages, 10 % profiles and Kommune pages, one request after the other.

The URLs come from the JSON file named by LOAD_URLS, which benchmarks/load.py writes from the
database it prepared.
"""

import json
import os
import random
from pathlib import Path

from locust import FastHttpUser, constant, task

URLS = json.loads(Path(os.environ["LOAD_URLS"]).read_text())


class Visitor(FastHttpUser):
    wait_time = constant(0)

    @task(30)
    def search(self) -> None:
        self.client.get(f"/suche/?{random.choice(URLS['searches'])}", name="Suche")

    @task(30)
    def search_like_mine(self) -> None:
        query = random.choice(URLS["searches"])
        kommune = random.choice(URLS["comparisons"])
        self.client.get(f"/suche/?{query}&vergleich={kommune}", name="Suche mit vergleich")

    @task(30)
    def entry(self) -> None:
        self.client.get(random.choice(URLS["entries"]), name="Praxisbeispiel")

    @task(5)
    def profile(self) -> None:
        self.client.get(random.choice(URLS["profiles"]), name="Profil")

    @task(5)
    def kommune_page(self) -> None:
        self.client.get(f"/kommune/{random.choice(URLS['comparisons'])}/", name="Kommune-Seite")
