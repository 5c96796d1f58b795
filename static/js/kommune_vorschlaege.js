// Name suggestions for Kommune fields (Mitmachen, the admin's invitation): every input with
// data-vorschlaege-url and a datalist gets the register's names as "Name (AGS)". Without
// JavaScript the server resolves the typed name and offers a choice when it is ambiguous.
(function () {
    "use strict";

    function attach(field) {
        var list = document.getElementById(field.getAttribute("list"));
        var url = field.getAttribute("data-vorschlaege-url");
        var timer = null;
        var lastQuery = "";
        if (!list || !url) {
            return;
        }

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

    function init() {
        if (!window.fetch) {
            return;
        }
        Array.prototype.forEach.call(
            document.querySelectorAll("input[data-vorschlaege-url][list]"), attach
        );
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
