// Progressive enhancement of the search page: the filters open beside the results on wide
// screens (closed on phones, behind their button); without JavaScript the button opens them.
// Name suggestions for "Kommunen wie meine" come from kommune_vorschlaege.js, as on every
// Kommune field.
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
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
