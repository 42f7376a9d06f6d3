import Foundation

/// Helpers for the Pango markup every label is written in.
///
/// Labels are Pango markup: `<i>α</i>/<i>α</i><sub>c</sub>`, `<b>A</b>`,
/// `<span foreground="red">…</span>`. Use `Markup.escape` for plain text with `&`, `<`,
/// and `Markup.tex` for a matplotlib-style `$…$` math subset.
public enum Markup {
    /// Escape text so Pango shows it literally.
    public static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&apos;"
            default: o.append(ch)
            }
        }
        return o
    }

    /// Superscript rise and subscript drop as fractions of the font size, and the size
    /// factor of scripts (matplotlib mathtext uses 0.7).
    static let scriptScale = 0.7
    static let supRise = 0.36
    static let subDrop = 0.15

    /// Rewrite `<sub>`/`<sup>` as `<span size rise>` with absolute sizes (Pango 1.50 scales
    /// its own sub/sup wrongly under a scaled cairo matrix, i.e. in the PNG output).
    static func rewriteSubSup(_ s: String, fontSize: Double) -> String {
        guard s.contains("<su") else { return s }
        var out = ""
        var stack: [(rise: Double, scale: Double)] = [(0, 1)]
        var i = s.startIndex
        let tags = ["<sub>", "<sup>", "</sub>", "</sup>"]
        while i < s.endIndex {
            guard s[i] == "<", let tag = tags.first(where: { s[i...].hasPrefix($0) }) else {
                out.append(s[i]); i = s.index(after: i); continue
            }
            let cur = stack.last!
            if tag.hasPrefix("</") {
                if stack.count > 1 { stack.removeLast() }
                out += "</span>"
            } else {
                let shift = (tag == "<sup>" ? supRise : -subDrop) * fontSize * cur.scale
                let next = (rise: cur.rise + shift, scale: cur.scale * scriptScale)
                stack.append(next)
                let size = Int((fontSize * next.scale * 1024).rounded())
                out += "<span size=\"\(size)\" rise=\"\(Int((next.rise * 1024).rounded()))\">"
            }
            i = s.index(i, offsetBy: tag.count)
        }
        return out
    }

    /// Convert a matplotlib-style string with `$…$` math into Pango markup: outside `$`
    /// text is escaped; inside, Latin letters and lowercase Greek are italic, `_x`/`^{..}`
    /// make sub/superscripts, `\alpha`… give Greek, `\infty \to \langle \rangle \times \pm
    /// \cdot \leq \geq \approx \sim \downarrow \uparrow \ell` symbols (all from Liberation
    /// Sans, which has no ⟨ ⟩: `\langle \rangle` become ‹ ›), `\frac{a}{b}` is
    /// written inline as a/b, `\sqrt{x}` as √x, `\mathrm{..}`/`\text{..}` upright,
    /// `\mathbf{..}` bold, `\,` `\;` spaces. Example: `tex("Load $\\alpha/\\alpha_c$")`.
    public static func tex(_ s: String) -> String {
        var out = ""
        var inMath = false
        var buf = ""
        var prev: Character? = nil
        for ch in s {
            if ch == "$" && prev != "\\" {
                if inMath { var m = TexMath(buf); out += m.render(); buf = "" }
                inMath.toggle()
            } else if inMath {
                buf.append(ch)
            } else if ch == "$" {
                out.removeLast(); out += "$"  // "\$"
            } else {
                out += escape(String(ch))
            }
            prev = ch
        }
        if inMath { var m = TexMath(buf); out += m.render() }
        return out
    }
}

/// A tiny recursive-descent renderer of the TeX math subset used in figure labels.
private struct TexMath {
    let chars: [Character]
    var pos = 0
    init(_ s: String) { chars = Array(s) }

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    static let symbols: [String: String] = [
        "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
        "uparrow": "↑", "downarrow": "↓", "times": "×", "cdot": "·", "pm": "±", "mp": "∓",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "~",
        "propto": "∝", "langle": "‹", "rangle": "›", "partial": "∂", "nabla": "∇", "sum": "Σ",
        "prod": "Π", "int": "∫", "ldots": "…", "dots": "…", "cdots": "…", "prime": "′", "circ": "°",
        "ell": "ℓ", "in": "∈", "degree": "°", "%": "%", "$": "$", "&": "&amp;", "#": "#", "_": "_",
        "{": "{", "}": "}", "|": "‖", "mid": "|", "vert": "|", "log": "log", "exp": "exp", "ln": "ln",
        "min": "min", "max": "max", "sin": "sin", "cos": "cos", "Vert": "‖", "star": "*", "ast": "*",
        ",": "\u{2009}", ";": "\u{2005}", ":": "\u{2005}", " ": " ", "quad": "\u{2003}", "!": "",
    ]

    mutating func render() -> String { parseSeq(until: nil) }

    mutating func parseSeq(until end: Character?) -> String {
        var out = ""
        while pos < chars.count {
            if let end, chars[pos] == end { pos += 1; return out }
            out += parseAtomWithScripts()
        }
        return out
    }

    mutating func parseAtomWithScripts() -> String {
        var base = parseAtom()
        while pos < chars.count, chars[pos] == "_" || chars[pos] == "^" {
            let tag = chars[pos] == "_" ? "sub" : "sup"
            pos += 1
            skipSpaces()
            let script = parseAtom()
            base += "<\(tag)>\(script)</\(tag)>"
        }
        return base
    }

    mutating func skipSpaces() { while pos < chars.count, chars[pos] == " " { pos += 1 } }

    mutating func readGroupRaw() -> String {
        skipSpaces()
        guard pos < chars.count, chars[pos] == "{" else {
            if pos < chars.count { let c = chars[pos]; pos += 1; return String(c) }
            return ""
        }
        pos += 1
        var depth = 1, s = ""
        while pos < chars.count {
            let c = chars[pos]; pos += 1
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { break } }
            s.append(c)
        }
        return s
    }

    mutating func parseAtom() -> String {
        guard pos < chars.count else { return "" }
        let c = chars[pos]
        pos += 1
        switch c {
        case " ": return ""
        case "{": return parseSeq(until: "}")
        case "\\":
            var name = ""
            if pos < chars.count, !chars[pos].isLetter { name = String(chars[pos]); pos += 1 }
            else { while pos < chars.count, chars[pos].isLetter { name.append(chars[pos]); pos += 1 } }
            switch name {
            case "frac":
                var a = TexMath(readGroupRaw()), b = TexMath(readGroupRaw())
                return a.render() + "/" + b.render()
            case "sqrt":
                let raw = readGroupRaw()
                var a = TexMath(raw)
                return raw.count > 1 ? "√(" + a.render() + ")" : "√" + a.render()
            case "mathrm", "rm", "text", "mathdefault", "textrm", "operatorname", "mathsf":
                return Markup.escape(readGroupRaw().replacingOccurrences(of: "\\", with: ""))
            case "mathit", "textit":
                return "<i>" + Markup.escape(readGroupRaw()) + "</i>"
            case "mathbf", "textbf":
                var a = TexMath(readGroupRaw())
                return "<b>" + a.render() + "</b>"
            case "left", "right", "big", "Big", "bigl", "bigr": return ""
            default:
                if let g = TexMath.greek[name] {
                    return name.first!.isLowercase ? "<i>\(g)</i>" : g
                }
                if let s = TexMath.symbols[name] {
                    if ["to", "rightarrow", "leftarrow", "times", "leq", "geq", "le", "ge", "neq", "ne",
                        "approx", "sim", "propto", "pm", "in", "cdot"].contains(name) {
                        return "\u{2009}\(s)\u{2009}"
                    }
                    return s
                }
                return Markup.escape("\\" + name)
            }
        case "-": return "−"
        case "=", "+", "<", ">": return "\u{2009}" + Markup.escape(String(c)) + "\u{2009}"
        default:
            if c.isLetter { return "<i>\(Markup.escape(String(c)))</i>" }
            return Markup.escape(String(c))
        }
    }
}
