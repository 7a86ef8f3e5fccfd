/// The part `dashboards serve` adds to each HTML page it serves (never to the files in the output folder): a
/// small script that asks the server, by long polling, whether a new build has been published, reloads the page
/// when it has, and shows a failed build's problems in a banner over the last good page.
public enum LiveReload {
    /// Where open pages wait for the next build. A dot segment: no file of the site can have this path.
    public static let endpoint = "/.dashboards/next"

    /// The page with the script before its closing `</body>` (or at its end).
    public static func inject(into page: [UInt8], state: PreviewState.Snapshot) -> [UInt8] {
        let script = Array(self.script(state).utf8)
        let marker = Array("</body>".utf8)
        var index = page.count - marker.count
        while index >= 0 {
            if page[index] == marker[0], Array(page[index..<index + marker.count]) == marker {
                return Array(page[..<index]) + script + Array(page[index...])
            }
            index -= 1
        }
        return page + script
    }

    /// The state the server answers with, as JSON.
    public static func json(_ state: PreviewState.Snapshot) -> String {
        "{\"generation\":\(state.generation),\"site\":\(state.site),\"error\":\(state.error.map(jsonString) ?? "null")}"
    }

    static func script(_ state: PreviewState.Snapshot) -> String {
        // The state is written as JSON inside the script, with `<` escaped so no text can close the element.
        let initial = json(state).replacingOccurrences(of: "<", with: "\\u003c")
        return """
            <script>
            /* Added by dashboards serve: reloads this page after each rebuild. The published site has no script. */
            (function () {
              var state = \(initial);
              function banner(text) {
                var box = document.getElementById("dashboards-serve-problems");
                if (!text) { if (box) box.remove(); return; }
                if (!box) {
                  box = document.createElement("div");
                  box.id = "dashboards-serve-problems";
                  box.setAttribute("role", "alert");
                  box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:2147483647;" +
                    "background:#fff;color:#0b0c0c;border-top:5px solid #d4351c;padding:1rem;font:0.9rem/1.4 monospace;";
                  document.body.appendChild(box);
                }
                box.textContent = "";
                var heading = document.createElement("strong");
                heading.textContent = "The last rebuild failed; this is the last good site. Fix the input and save to try again.";
                var list = document.createElement("pre");
                list.style.whiteSpace = "pre-wrap";
                list.textContent = text;
                box.appendChild(heading);
                box.appendChild(list);
              }
              function wait() {
                fetch("\(endpoint)?after=" + state.generation, { cache: "no-store" })
                  .then(function (response) { return response.json(); })
                  .then(function (next) {
                    if (next.site !== state.site) { location.reload(); return; }
                    state = next;
                    banner(state.error);
                    wait();
                  })
                  .catch(function () { setTimeout(wait, 1000); });
              }
              if (document.readyState === "loading") {
                document.addEventListener("DOMContentLoaded", function () { banner(state.error); });
              } else {
                banner(state.error);
              }
              wait();
            })();
            </script>

            """
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
