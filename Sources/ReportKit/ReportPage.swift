// What the reproduction report shows, without HTML: the verdicts, per figure the composed
// page and per panel our rendering beside the published one with that panel's claims, the
// finite-size table and the provenance. `HTMLPage` turns it into figures/report/index.html.

import Claims
import Foundation

public struct ReportPage: Sendable {
    public struct Panel: Sendable {
        /// File stem, e.g. "08-connection-density-vs-load"; `number` is "08".
        public var name: String
        public var number: String
        /// Image paths relative to the report folder (nil: not drawn / no reference folder).
        public var ours: String?
        public var reference: String?
        /// More of our renderings of the panel, shown beside the two (the committed N = 1000 set).
        public var more: [Image]
        public var rows: [ClaimRow]

        public init(name: String, number: String, ours: String?, reference: String?, more: [Image] = [], rows: [ClaimRow]) {
            self.name = name; self.number = number; self.ours = ours; self.reference = reference; self.more = more
            self.rows = rows
        }
    }

    /// An image relative to the report folder, with its caption.
    public struct Image: Sendable {
        public var path: String
        public var caption: String
        public init(path: String, caption: String) { self.path = path; self.caption = caption }
    }

    public struct FigureSection: Sendable {
        /// "figure2"
        public var name: String
        /// "Figure 2 — attractor networks with z-factor synapses"
        public var title: String
        /// The composed page (relative path), nil when the figure is not drawn.
        public var page: String?
        /// Why the figure's images are missing or stale (drawn at another scale), if so.
        public var imageNote: String?
        public var panels: [Panel]
        /// Claims of this figure without a panel.
        public var otherRows: [ClaimRow]

        public init(name: String, title: String, page: String?, imageNote: String?, panels: [Panel],
                    otherRows: [ClaimRow]) {
            self.name = name; self.title = title; self.page = page; self.imageNote = imageNote
            self.panels = panels; self.otherRows = otherRows
        }
    }

    /// A table of numbers (the finite-size study): a caption, column headers, rows of cells.
    public struct Table: Sendable {
        public var title: String
        public var caption: String
        public var header: [String]
        public var rows: [[String]]

        public init(title: String, caption: String, header: [String], rows: [[String]]) {
            self.title = title; self.caption = caption; self.header = header; self.rows = rows
        }
    }

    public var scale: String
    /// Every row, all variants (claims.csv order).
    public var rows: [ClaimRow]
    public var figures: [FigureSection]
    /// Claims of no figure (theory).
    public var theoryRows: [ClaimRow]
    public var tables: [Table]
    public var provenance: Provenance

    public init(scale: String, rows: [ClaimRow], figures: [FigureSection], theoryRows: [ClaimRow], tables: [Table],
                provenance: Provenance) {
        self.scale = scale; self.rows = rows; self.figures = figures; self.theoryRows = theoryRows
        self.tables = tables; self.provenance = provenance
    }

    /// Counts per status over the rows of `variant`, by default the report's own scale (not
    /// the N-override rows).
    public func counts(variant: String? = nil) -> [ClaimStatus: Int] {
        let v = variant ?? scale
        var c: [ClaimStatus: Int] = [:]
        for r in rows where r.scale == v { c[r.status, default: 0] += 1 }
        return c
    }

    /// The variants other than the report's own scale, in the order their rows first appear.
    public var otherVariants: [String] {
        var seen: [String] = []
        for r in rows where r.scale != scale && !seen.contains(r.scale) { seen.append(r.scale) }
        return seen
    }
}

/// Where the numbers come from: the code, the machine, and every result read.
public struct Provenance: Sendable, Codable {
    public struct Point: Sendable, Codable {
        /// Result directory relative to the package root.
        public var directory: String
        public var model: String
        public var modelVersion: Int
        /// The stored parameters, as compact JSON.
        public var parameters: String
        public var wallSeconds: Double?
        public var cpuSeconds: Double?

        public init(directory: String, model: String, modelVersion: Int, parameters: String, wallSeconds: Double?,
                    cpuSeconds: Double?) {
            self.directory = directory; self.model = model; self.modelVersion = modelVersion
            self.parameters = parameters; self.wallSeconds = wallSeconds; self.cpuSeconds = cpuSeconds
        }

        // snake_case like claims.json's rows and result.json.
        enum CodingKeys: String, CodingKey {
            case directory, model, modelVersion = "model_version", parameters, wallSeconds = "wall_seconds",
                 cpuSeconds = "cpu_seconds"
        }
    }
    public var commit: String
    /// Whether the work tree had uncommitted changes.
    public var dirty: Bool
    public var scale: String
    public var seeds: String
    public var date: String
    public var cpuModel: String
    public var cores: Int
    public var host: String
    public var points: [Point]

    public init(commit: String, dirty: Bool, scale: String, seeds: String, date: String, cpuModel: String, cores: Int,
                host: String, points: [Point]) {
        self.commit = commit; self.dirty = dirty; self.scale = scale; self.seeds = seeds; self.date = date
        self.cpuModel = cpuModel; self.cores = cores; self.host = host; self.points = points
    }

    enum CodingKeys: String, CodingKey {
        case commit, dirty, scale, seeds, date, cpuModel = "cpu_model", cores, host, points
    }
}
