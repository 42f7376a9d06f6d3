// RFC 4180 text tables, for the figures' summary.csv files and the report's claims.csv: the
// latter must survive statements and reasons with commas, quotes and line breaks, and be read
// back by spreadsheets, pandas and the report's own checks.

public enum CSV {
    /// One record with its LF line end; a field is quoted only when it holds a comma, quote,
    /// CR or LF (inner quotes doubled), so plain tables stay easy to diff.
    public static func record(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    public static func quoted(_ field: String) -> String {
        // Scan scalars: "\r\n" is a single Character in Swift, so Character tests would miss it.
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The records of `text` (LF or CRLF line ends; line breaks inside quotes are kept).
    public static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() { record.append(field); field = ""; fieldWasQuoted = false }
        func endRecord() { endField(); records.append(record); record = [] }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if c == "," {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRecord()
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        // A last record without a line end.
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
