// Loader for the spine-size data of Kaufman et al. (PLoS ONE 2012) as published with
// Statman et al. (PLoS Comput Biol 2014): data/kaufman_2012.csv, one spine per line,
// one column per imaging time point (every 0.5 h), comma-separated, no header, CRLF
// line ends and no final newline in the published file. Empty cells and NaN mean the
// spine is missing at that time point.

import Foundation

public enum DataFileError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .malformed(let path, let line, let reason): return "\(path):\(line): \(reason)"
        }
    }
}

public enum KaufmanData {
    /// Hours between two imaging time points.
    public static let hoursPerSample = 0.5
    /// Repository path of the data file, relative to the package root.
    public static let defaultPath = "data/kaufman_2012.csv"

    public static func load(_ url: URL) throws -> WeightMatrix {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataFileError.unreadable(path: url.path, reason: "cannot read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError.unreadable(path: url.path, reason: "not UTF-8 text")
        }
        return try parse(text, path: url.path)
    }

    /// Parses CSV text; `path` only names the source in errors.
    public static func parse(_ text: String, path: String) throws -> WeightMatrix {
        // Swift treats "\r\n" as one Character, which `isNewline` covers along with "\n" and "\r".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        // Trailing empty lines (a final newline) carry no spine.
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        guard !lines.isEmpty else { throw DataFileError.malformed(path: path, line: 1, reason: "no data") }
        var values: [Double] = []
        var cols = -1
        for (i, line) in lines.enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if cols < 0 { cols = cells.count }
            guard cells.count == cols else {
                throw DataFileError.malformed(path: path, line: i + 1,
                                              reason: "\(cells.count) columns, but line 1 has \(cols)")
            }
            for (c, raw) in cells.enumerated() {
                let cell = raw.trimmingCharacters(in: .whitespaces)
                if cell.isEmpty || cell.lowercased() == "nan" { values.append(.nan); continue }
                guard let v = Double(cell), v.isFinite else {
                    throw DataFileError.malformed(path: path, line: i + 1,
                                                  reason: "column \(c + 1): '\(cell)' is not a number")
                }
                guard v >= 0 else {
                    throw DataFileError.malformed(path: path, line: i + 1,
                                                  reason: "column \(c + 1): negative spine size \(cell)")
                }
                values.append(v)
            }
        }
        return WeightMatrix(rows: lines.count, cols: cols, values: values)
    }
}
