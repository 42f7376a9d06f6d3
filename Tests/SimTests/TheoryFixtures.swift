import Foundation
import Testing

/// A published theory table (data/theory/*.csv, which the report reads too): named numeric columns.
struct TheoryTable {
    var header: [String]
    var rows: [[Double]]
    /// The first comment line (without "# "), if any.
    var comment: String?

    func column(_ name: String) throws -> [Double] {
        let index = try #require(header.firstIndex(of: name), "no column \(name) in \(header)")
        return rows.map { $0[index] }
    }

    /// data/theory of the package (two levels above this file's directory).
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/theory")

    /// Loads `data/theory/<name>.csv`. With `hasHeader == false` every non-comment line is data.
    static func load(_ name: String, hasHeader: Bool = true) throws -> TheoryTable {
        let url = directory.appendingPathComponent("\(name).csv")
        #expect(FileManager.default.fileExists(atPath: url.path), "missing table \(url.path)")
        let lines = try String(contentsOf: url, encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let comment = lines.first { $0.hasPrefix("#") }.map { String($0.dropFirst(2)) }
        var data = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        var header: [String] = []
        if hasHeader { header = data.removeFirst().split(separator: ",").map(String.init) }
        let rows = try data.map { line in
            try line.split(separator: ",").map { try #require(Double($0), "bad number \($0) in \(name)") }
        }
        return TheoryTable(header: header, rows: rows, comment: comment)
    }
}

/// |a/b − 1| (|a − b| when b is 0).
func theoryRelativeError(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a - b) : abs(a / b - 1)
}
