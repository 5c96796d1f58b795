// Progressive enhancement of the search page: name suggestions for "Kommunen wie meine", and
// the filters open beside the results on wide screens (closed on phones, behind their button).
// Without JavaScript the server resolves a typed name or offers a choice, and the button opens
// the filters.
(function () {
    "use strict";

    var WIDE = "(min-width: 64em)";

    function initFilters() {
        var filters = document.getElementById("filter-klappe");
        if (!filters || !window.matchMedia) {
            return;
        }
        var wide = window.matchMedia(WIDE);
        function follow() {
            filters.open = wide.matches;
        }
        follow();
        if (wide.addEventListener) {
            wide.addEventListener("change", follow);
        }
    }

    function init() {
        initFilters();
        initSuggestions();
    }

    function initSuggestions() {
        var field = document.getElementById("suche-vergleich");
        var list = document.getElementById("vergleich-vorschlaege");
        if (!field || !list || !window.fetch) {
            return;
        }
        var url = field.getAttribute("data-vorschlaege-url");
        var timer = null;
        var lastQuery = "";

        function fill(kommunen) {
            list.textContent = "";
            kommunen.forEach(function (k) {
                var option = document.createElement("option");
                option.value = k.name + " (" + k.ags + ")";
                option.label = [k.typ, k.kreis, k.einwohner.toLocaleString("de-DE") + " Einwohner"]
                    .filter(Boolean).join(", ");
                list.appendChild(option);
            });
        }

        function load() {
            var text = field.value.trim();
            if (text.length < 2 || text === lastQuery || /\(\d{5,8}\)$/.test(text)) {
                return;
            }
            lastQuery = text;
            fetch(url + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/json"}})
                .then(function (response) { return response.ok ? response.json() : {kommunen: []}; })
                .then(function (data) {
                    if (field.value.trim() === text) {
                        fill(data.kommunen);
                    }
                })
                .catch(function () { /* suggestions are optional */ });
        }

        field.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(load, 200);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
