// After a failed submission, move focus to the error summary so that keyboard and screen reader
// users start from the list of what to correct (its links lead to the fields).
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var summary = document.getElementById("fehlerliste");
        if (summary) {
            summary.focus();
        }
    });
})();
