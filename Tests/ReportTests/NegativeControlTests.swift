// Every claim's test can fail: its check holds on its positive controls and fails on each
// negative control (values moved just beyond the tolerance, out of order, NaN, empty). A
// claim added without controls, or with a test that accepts them, fails here.

import Claims
import Foundation
import Testing

@Suite struct NegativeControlTests {
    @Test("every claim: the check holds on its passing controls and fails on every failing one",
          arguments: ClaimRegistry.all.map(\.id))
    func controls(id: String) throws {
        let claim = try #require(ClaimRegistry.all.first { $0.id == id })
        #expect(!claim.check.passing.isEmpty, "\(id) has no positive control")
        #expect(claim.check.failing.count >= 2, "\(id) needs at least two negative controls")
        for v in claim.check.passing { #expect(claim.check.holds(v), "\(id) does not hold on its positive control \(v)") }
        for v in claim.check.failing { #expect(!claim.check.holds(v), "\(id) holds on its negative control \(v)") }
    }

    @Test("value checks fail just beyond their tolerance, either way, at every position")
    func nearBoundary() {
        let check = ClaimCheck.near([0.45, 0.26], 0.05)
        #expect(check.holds([0.45 + 0.0499, 0.26 - 0.0499]))
        #expect(!check.holds([0.45 + 0.0501, 0.26]))
        #expect(!check.holds([0.45, 0.26 - 0.0501]))
        #expect(!check.holds([0.45]))
        #expect(ClaimCheck.allNear(1, 0.1).holds([0.95, 1.05]) && !ClaimCheck.allNear(1, 0.1).holds([0.95, 1.11]))
        #expect(ClaimCheck.fallingInGroups(of: 4).holds([4, 3, 2, 1, 5, 4, 1, 0]))
        #expect(!ClaimCheck.fallingInGroups(of: 4).holds([4, 3, 2, 1, 5, 4, 4, 0]))
    }
}

@Suite struct ClaimTableDocTests {
    @Test("docs/report.md holds the registry's claim table as `report table` prints it")
    func docsTableIsCurrent() throws {
        let root = ClaimRegistryTests.packageRoot
        let text = try String(contentsOf: root.appendingPathComponent("docs/report.md"), encoding: .utf8)
        let begin = try #require(text.range(of: ClaimRegistry.tableBegin), "docs/report.md has no claims table marker")
        let end = try #require(text.range(of: ClaimRegistry.tableEnd), "docs/report.md has no end marker")
        let table = String(text[begin.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines) + "\n"
        #expect(table == ClaimRegistry.markdownTable(), "docs/report.md's claims table is out of date: paste `.build/release/report table`")
    }
}
