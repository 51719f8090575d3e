import PolicyCore

/// The live-reload part of `policy serve`: an external script (no inline script, so a page
/// keeps working under a strict Content-Security-Policy) that long-polls
/// `/__policy/events?since=<generation>` and reloads the page when a newer build is there.
/// The script tag is added to HTML responses at serve time only; built files never carry it.
public enum LiveReload {
    public static let scriptPath = "/__policy/reload.js"
    public static let eventsPath = "/__policy/events"
    /// How long one long-poll is held open before answering "nothing new".
    public static let pollSeconds = 25

    /// The tag for a page built at `generation`.
    public static func tag(generation: Int) -> String {
        "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\" defer></script>"
    }

    /// `html` with the tag before `</head>` (else before `</body>`, else at the end).
    public static func inject(into html: String, generation: Int) -> String {
        let tag = tag(generation: generation)
        for marker in ["</head>", "</body>"] {
            if let range = html.range(of: marker, options: .caseInsensitive) {
                return html.replacingCharacters(in: range, with: tag + "\n" + html[range])
            }
        }
        return html + "\n" + tag + "\n"
    }

    public static let script = """
        // policy serve: reloads this page when the site has been rebuilt. Served by the
        // preview server only; the published site has no such script.
        (function () {
          "use strict";
          var script = document.currentScript;
          var generation = script ? script.getAttribute("data-generation") : null;
          function wait(delay) {
            setTimeout(function () {
              fetch("\(eventsPath)?since=" + encodeURIComponent(generation || ""), { cache: "no-store" })
                .then(function (response) {
                  if (!response.ok) { throw new Error("HTTP " + response.status); }
                  return response.text();
                })
                .then(function (text) {
                  var next = text.trim();
                  if (generation !== null && next !== generation) { window.location.reload(); return; }
                  generation = next;
                  wait(0);
                })
                .catch(function () { wait(2000); });  // server busy or stopped: try again later
            }, delay);
          }
          wait(0);
        })();

        """
}
