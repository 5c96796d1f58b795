"""The review loop: mails to reviewers and authors through the mail task, the reviewers' queue,
the officers' and coordinators' dashboard panel, and the editor's notices."""
