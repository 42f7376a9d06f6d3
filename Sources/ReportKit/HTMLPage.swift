// figures/report/index.html: one self-contained XHTML page (inline CSS, no scripts, images
// by relative path) so it opens from the folder via file:// and parses as XML for the tests.
// Order: summary, then per figure the composed page and per panel ours beside published
// with that panel's claims, theory, any claim not placed yet, the tables, the provenance.

import Claims
import Foundation

public enum HTMLPage {
    public static let title = "Reproduction report — Iatropoulos, Gerstner & Brea (PNAS 2025)"

    /// The row's anchor, `claim-<id>-<scale slug>` ("claim-F2-density-z1-default-n-1000"):
    /// one per (id, variant), stable across reports so links can be shared.
    public static func anchor(_ row: ClaimRow) -> String {
        let id = String(row.id.unicodeScalars.map { u -> Character in
            let ok = ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u)
                || u == "-" || u == "_" || u == "."
            return ok ? Character(u) : "-"
        })
        return "claim-\(id)-\(XHTMLWriter.slug(row.scale))"
    }

    public static func render(_ page: ReportPage) -> String {
        var h = XHTMLWriter()
        var claims = ClaimTableHTML()
        h.raw("<!DOCTYPE html>\n")
        h.tag("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en")]) { h in
            h.newline()
            h.tag("head") { h in
                h.empty("meta", [("charset", "utf-8")])
                h.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                h.tag("title", text: "\(title) — \(page.scale)")
                h.tag("style") { $0.raw("\n" + HTMLStyle.css) }
            }
            h.newline()
            h.tag("body") { h in
                h.newline()
                header(page, into: &h)
                SummaryHTML.section(page, into: &h)
                for figure in page.figures { section(figure, claims: &claims, into: &h) }
                if !page.theoryRows.isEmpty {
                    h.tag("section", [("id", "theory")]) { h in
                        h.tag("h2", text: "Theory")
                        claims.table(page.theoryRows, into: &h)
                    }
                    h.newline()
                }
                // Rows the sections above did not place (another variant, a figure without a
                // section) still get their one row, so every summary link has a target.
                let rest = claims.unwritten(page.rows)
                if !rest.isEmpty {
                    h.tag("section", [("id", "other-claims")]) { h in
                        h.tag("h2", text: "Other claims")
                        claims.table(rest, into: &h)
                    }
                    h.newline()
                }
                if !page.tables.isEmpty {
                    h.tag("section", [("id", "tables")]) { h in
                        h.tag("h2", text: "Tables")
                        for t in page.tables { table(t, into: &h) }
                    }
                    h.newline()
                }
                ProvenanceHTML.section(page.provenance, into: &h)
                h.newline()
            }
            h.newline()
        }
        h.newline()
        return h.text
    }

    private static func header(_ page: ReportPage, into h: inout XHTMLWriter) {
        h.tag("h1", text: title)
        let p = page.provenance
        h.tag("p", [("class", "subtitle")]) { h in
            h.text("Scale ")
            h.tag("strong", text: page.scale)
            h.text(" · commit ")
            h.tag("code", text: String(p.commit.prefix(12)))
            if p.dirty { h.text(" "); h.tag("span", [("class", "warn")], text: "dirty tree") }
            h.text(" · \(p.date)")
        }
        h.tag("nav") { h in
            h.tag("a", [("href", "#summary")], text: "Summary")
            for f in page.figures {
                h.tag("a", [("href", "#" + figureAnchor(f))], text: shortTitle(f))
            }
            if !page.theoryRows.isEmpty { h.tag("a", [("href", "#theory")], text: "Theory") }
            if !page.tables.isEmpty { h.tag("a", [("href", "#tables")], text: "Tables") }
            h.tag("a", [("href", "#provenance")], text: "Provenance")
        }
        h.newline()
    }

    static func figureAnchor(_ f: ReportPage.FigureSection) -> String { "figure-" + XHTMLWriter.slug(f.name) }

    /// "Figure 2" from "Figure 2 — attractor networks …".
    private static func shortTitle(_ f: ReportPage.FigureSection) -> String {
        let head = f.title.components(separatedBy: " — ").first ?? f.title
        return head.isEmpty ? f.name : head
    }

    private static func section(_ f: ReportPage.FigureSection, claims: inout ClaimTableHTML, into h: inout XHTMLWriter) {
        h.tag("section", [("id", figureAnchor(f)), ("class", "figure")]) { h in
            h.tag("h2", text: f.title.isEmpty ? f.name : f.title)
            if let note = f.imageNote { h.tag("p", [("class", "note")], text: note) }
            if let page = f.page {
                h.tag("figure", [("class", "page")]) { h in
                    h.empty("img", [("src", XHTMLWriter.url(page)), ("alt", "\(f.name): composed page")])
                }
            } else {
                h.tag("div", [("class", "missing thin")], text: "composed page not drawn")
            }
            h.newline()
            for panel in f.panels {
                h.tag("section", [("class", "panel"), ("id", "panel-\(XHTMLWriter.slug(f.name))-\(XHTMLWriter.slug(panel.name))")]) { h in
                    h.tag("h3", text: panelTitle(panel))
                    if panel.ours == nil && panel.reference == nil {
                        // Two empty boxes per panel made a figure drawn at another scale a
                        // page of grey; one line says the same.
                        h.tag("div", [("class", "missing thin")],
                              text: "ours: not drawn · published: no reference given (REFERENCE=…)")
                    } else {
                        h.tag("div", [("class", "pair")]) { h in
                            image(panel.ours, caption: "ours", missing: "not drawn", into: &h)
                            image(panel.reference, caption: "published", missing: "no reference given (REFERENCE=…)",
                                  into: &h)
                            for more in panel.more { image(more.path, caption: more.caption, missing: "", into: &h) }
                        }
                    }
                    h.newline()
                    claims.table(panel.rows, into: &h)
                }
                h.newline()
            }
            if !f.otherRows.isEmpty {
                h.tag("h3", text: "Other claims of \(shortTitle(f))")
                claims.table(f.otherRows, into: &h)
            }
        }
        h.newline()
    }

    /// "08 · connection density vs load" from "08-connection-density-vs-load".
    private static func panelTitle(_ p: ReportPage.Panel) -> String {
        var words = p.name
        if !p.number.isEmpty, words.hasPrefix(p.number + "-") { words.removeFirst(p.number.count + 1) }
        words = words.replacingOccurrences(of: "-", with: " ")
        return p.number.isEmpty ? words : "\(p.number) · \(words)"
    }

    private static func image(_ path: String?, caption: String, missing: String, into h: inout XHTMLWriter) {
        h.tag("figure") { h in
            if let path {
                h.empty("img", [("src", XHTMLWriter.url(path)), ("alt", caption)])
            } else {
                h.tag("div", [("class", "missing")], text: missing)
            }
            h.tag("figcaption", text: caption)
        }
    }

    private static func table(_ t: ReportPage.Table, into h: inout XHTMLWriter) {
        h.tag("h3", text: t.title)
        if !t.caption.isEmpty { h.tag("p", text: t.caption) }
        h.tag("table") { h in
            h.tag("thead") { h in h.tag("tr") { h in for c in t.header { h.tag("th", text: c) } } }
            h.tag("tbody") { h in
                for row in t.rows {
                    h.tag("tr") { h in
                        for cell in row {
                            h.tag("td", [("class", Double(cell) != nil ? "num" : nil)], text: cell)
                        }
                    }
                    h.newline()
                }
            }
        }
        h.newline()
    }
}
