// Progressive enhancement of the search page: name suggestions for "Kommunen wie meine".
// Without JavaScript the server resolves a typed name or offers a choice.
(function () {
    "use strict";

    function init() {
        var feld = document.getElementById("suche-vergleich");
        var liste = document.getElementById("vergleich-vorschlaege");
        if (!feld || !liste || !window.fetch) {
            return;
        }
        var url = feld.getAttribute("data-vorschlaege-url");
        var zeitgeber = null;
        var letzteAnfrage = "";

        function fuellen(kommunen) {
            liste.textContent = "";
            kommunen.forEach(function (k) {
                var option = document.createElement("option");
                option.value = k.name + " (" + k.ags + ")";
                option.label = [k.typ, k.kreis, k.einwohner.toLocaleString("de-DE") + " Einwohner"]
                    .filter(Boolean).join(", ");
                liste.appendChild(option);
            });
        }

        function laden() {
            var text = feld.value.trim();
            if (text.length < 2 || text === letzteAnfrage || /\(\d{5,8}\)$/.test(text)) {
                return;
            }
            letzteAnfrage = text;
            fetch(url + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/json"}})
                .then(function (antwort) { return antwort.ok ? antwort.json() : {kommunen: []}; })
                .then(function (daten) {
                    if (feld.value.trim() === text) {
                        fuellen(daten.kommunen);
                    }
                })
                .catch(function () { /* suggestions are optional */ });
        }

        feld.addEventListener("input", function () {
            window.clearTimeout(zeitgeber);
            zeitgeber = window.setTimeout(laden, 200);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
