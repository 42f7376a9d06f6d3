// The verdict on one claim at one variant: what the report tables (claims.csv, claims.json,
// index.html) and `check-claims` read.

import Foundation

public enum ClaimStatus: String, Codable, Sendable, CaseIterable {
    /// Expected here, computed, and the test holds.
    case holds
    /// Expected here, computed, and the test fails.
    case fails
    /// The published value comes from a run the released code does not reproduce, and ours
    /// (computed, like the re-run of the released code) differs from it; `reason` gives the
    /// known cause. Counted on its own: neither a pass nor a failure.
    case differs = "differs from the published run"
    /// Expected here, computed, and it differs from the paper beyond the derived tolerance;
    /// the cause is not found yet (`Expectation.openDifference`, the reason says what is
    /// known). Counted on its own and listed by `check-claims`, which does not fail on it.
    case openDifference = "open difference"
    /// Computed (when its results exist) but not expected at this variant; `reason` says why.
    case notExpected = "not expected"
    /// Some results it needs do not exist; `reason` names the target that makes them.
    case notRun = "not run"
    /// Its results exist but could not be read or the computation failed; `reason` says which file.
    case error
    /// Read from the committed evidence set, which the current code would no longer make (a
    /// model version or parameter changed): not evaluated; `reason` names the target that
    /// remakes the set.
    case stale
}

public struct ClaimRow: Codable, Sendable, Equatable {
    public var id: String
    public var figure: String
    /// Panels joined by "+" ("03+06"), empty when none.
    public var panel: String
    public var statement: String
    public var paperValue: String
    /// Our value; empty when not computed.
    public var ours: String
    public var status: ClaimStatus
    /// The variant ("default", "default N=1000").
    public var scale: String
    public var source: String
    /// Where the claim is expected ("all", "N=1000", "paper", "published run only").
    public var expected: String
    public var test: String
    /// For `not expected`: why; for `not run`: the missing results and the make target; for
    /// `error`: the message; for `stale`: what changed and the target; for a computed claim:
    /// the evaluation's note, if any.
    public var reason: String
    /// For a claim computed but not expected: whether its test would hold.
    public var wouldHold: Bool?
    /// Whether the claim is expected at this row's variant (also for rows not run, so that
    /// `check-claims` can tell an expected claim that was not run).
    public var expectedHere: Bool?
    /// What the test compares: "value" (against a paper, printed or theory value), "order" or "sign".
    public var kind: String?

    public init(id: String, figure: String, panel: String, statement: String, paperValue: String, ours: String,
                status: ClaimStatus, scale: String, source: String, expected: String, test: String, reason: String,
                wouldHold: Bool? = nil, expectedHere: Bool? = nil, kind: String? = nil) {
        self.id = id; self.figure = figure; self.panel = panel; self.statement = statement; self.paperValue = paperValue
        self.ours = ours; self.status = status; self.scale = scale; self.source = source; self.expected = expected
        self.test = test; self.reason = reason; self.wouldHold = wouldHold; self.expectedHere = expectedHere
        self.kind = kind
    }

    /// claims.csv's columns, in order. The first nine are an interface users' scripts and CI
    /// read: append new columns, never rename or reorder these.
    public static let csvColumns = ["id", "figure", "panel", "statement", "paper_value", "ours", "status", "scale",
                                    "source", "expected", "test", "reason", "would_hold", "expected_here", "kind"]

    public var csvFields: [String] {
        [id, figure, panel, statement, paperValue, ours, status.rawValue, scale, source, expected, test, reason,
         wouldHold.map { $0 ? "true" : "false" } ?? "", expectedHere.map { $0 ? "true" : "false" } ?? "", kind ?? ""]
    }

    enum CodingKeys: String, CodingKey {
        case id, figure, panel, statement, paperValue = "paper_value", ours, status, scale, source, expected, test,
             reason, wouldHold = "would_hold", expectedHere = "expected_here", kind
    }
}
