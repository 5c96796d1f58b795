"""Values no one should send, for every public parameter and form field (issue 11.4): very long
text, only query operators, unbalanced quotes, NUL bytes, emoji, injection strings, numbers
beyond any column."""

OPERATORS = '+-&&||!(){}[]^"~*?:\\/'
SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>'

ABSURD_VALUES = {
    "10000_characters": "Sprachcafé " * 909 + "x",
    "only_operators": OPERATORS,
    "operators_around_a_word": f"{OPERATORS}Sprache{OPERATORS}",
    "unbalanced_quotes": '"Sprach\'café "Mütter',
    "nul_byte": "Sprach\x00café",
    "only_nul": "\x00",
    "emoji": "👩‍👩‍👧 Sprachcafé 🇩🇪 🤷🏽‍♀️",
    "right_to_left_override": "\u202eéfachcarpS",
    "sql_injection": "' OR '1'='1'; DROP TABLE wagtailcore_page; --",
    "html_and_js_injection": SCRIPT,
    "javascript_url": "javascript:alert(document.cookie)",
    "template_injection": "{{ settings.SECRET_KEY }}{% debug %}",
    "integer_overflow": "9" * 30,
    "negative_number": "-2147483649",
    "whitespace_only": " \t ",
}

# Query strings a browser cannot produce but a client can: broken percent-encodings, a lone
# surrogate's UTF-8 form, an empty name.
RAW_QUERIES = ["q=%ED%A0%80", "q=%FF%FE", "q=%", "q=%%", "%FF=1", "=1", "&&&", "q"]
