import Foundation

/// What a group of draw calls is: figures tell their renderer (`Renderer.beginPart`) so
/// that the layout audit can name what it finds and tell data from decorations.
public struct DrawnPart: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A figure placed on a page (`Figure.addPanel`).
        case panel
        case axes
        /// A data artist: line, markers, bars, bands, reference lines, images.
        case artist
        /// One marker (of an artist or of a legend handle).
        case marker
        /// A text artist in an axes (`text`, `annotate`).
        case text
        case tickLabel, axisLabel, title
        /// Spines and ticks.
        case decoration
        /// A legend; `box` is its box.
        case legend
        /// A label or the title inside a legend.
        case legendText
        case legendHandle
        case figureText, panelLetter
    }
    public var kind: Kind
    /// Readable name ("axes 2", "Line “z = 1”", the plain text of a label).
    public var name: String
    /// Legends: the legend box (page points).
    public var box: Rect?
    /// Where this part must stay (a text anchored in data coordinates: its axes).
    public var within: Rect?

    public init(_ kind: Kind, _ name: String, box: Rect? = nil, within: Rect? = nil) {
        self.kind = kind; self.name = name; self.box = box; self.within = within
    }

    /// Plain text of Pango markup (tags dropped, entities decoded, lines joined), for messages.
    public static func plain(_ markup: String) -> String {
        var out = "", inTag = false
        for ch in markup {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "\n", with: " ")
    }
}
