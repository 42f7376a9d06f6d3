// The report's last section: which code, machine and results its numbers come from, so a
// reader can tell a stale or dirty-tree report and rerun any point with its parameters.

import Foundation

enum ProvenanceHTML {
    static func section(_ p: Provenance, into h: inout XHTMLWriter) {
        h.tag("section", [("id", "provenance")]) { h in
            h.tag("h2", text: "Provenance")
            h.tag("table", [("class", "kv")]) { h in
                h.tag("tr") { h in
                    h.tag("th", text: "commit")
                    h.tag("td") { h in
                        h.tag("code", text: p.commit)
                        if p.dirty {
                            h.text(" ")
                            h.tag("span", [("class", "warn")],
                                  text: "dirty tree: uncommitted changes, the commit alone does not reproduce this report")
                        }
                    }
                }
                row("scale", p.scale, into: &h)
                row("seeds", p.seeds, into: &h)
                row("date", p.date, into: &h)
                row("CPU", p.cpuModel, into: &h)
                row("cores", "\(p.cores)", into: &h)
                row("host", p.host, into: &h)
            }
            h.newline()
            points(p.points, into: &h)
        }
    }

    private static func row(_ key: String, _ value: String, into h: inout XHTMLWriter) {
        h.tag("tr") { h in h.tag("th", text: key); h.tag("td", text: value) }
        h.newline()
    }

    private static func points(_ points: [Provenance.Point], into h: inout XHTMLWriter) {
        h.tag("h3", text: "Results read (\(points.count))")
        guard !points.isEmpty else { h.tag("p", text: "No result was read."); return }
        h.tag("table", [("class", "points")]) { h in
            h.tag("thead") { h in
                h.tag("tr") { h in
                    for (c, num) in [("directory", false), ("model", false), ("version", true), ("wall s", true),
                                     ("CPU s", true), ("parameters", false)] {
                        h.tag("th", [("class", num ? "num" : nil)], text: c)
                    }
                }
            }
            h.newline()
            h.tag("tbody") { h in
                for pt in points {
                    h.tag("tr") { h in
                        h.tag("td", [("class", "dir")]) { h in h.tag("code", text: pt.directory) }
                        h.tag("td", text: pt.model)
                        h.tag("td", [("class", "num")], text: "\(pt.modelVersion)")
                        h.tag("td", [("class", "num")], text: seconds(pt.wallSeconds))
                        h.tag("td", [("class", "num")], text: seconds(pt.cpuSeconds))
                        h.tag("td") { h in
                            h.tag("details") { h in
                                h.tag("summary", text: "show")
                                h.tag("pre", text: pt.parameters)
                            }
                        }
                    }
                    h.newline()
                }
                // Totals: what the whole report cost to compute (CPU only over results that recorded it).
                h.tag("tr", [("class", "own")]) { h in
                    h.tag("td", [("colspan", "3")], text: "total")
                    h.tag("td", [("class", "num")], text: seconds(total(points.map(\.wallSeconds))))
                    h.tag("td", [("class", "num")], text: seconds(total(points.map(\.cpuSeconds))))
                    h.tag("td", text: "")
                }
            }
        }
        h.newline()
    }

    private static func total(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    private static func seconds(_ s: Double?) -> String {
        guard let s else { return "—" }
        return s < 10 ? String(format: "%.2f", s) : String(format: "%.0f", s)
    }
}
