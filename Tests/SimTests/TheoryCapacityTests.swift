import Foundation
import Testing
import Sim

/// The closed-form theory curves against every row of the published tables
/// (data/theory: the authors' published numerical solutions) and the values in
/// docs/methods.md §5.
@Suite struct TheoryCapacityTests {
    static let tolerance = 1e-6

    /// f values in the column names "…_f0.5" etc.
    static func codingLevel(ofColumn name: String) throws -> Double {
        let suffix = name.split(separator: "f").last.map(String.init) ?? ""
        return try #require(Double(suffix), "no coding level in column \(name)")
    }

    @Test func l2CapacityTable() throws {
        let table = try TheoryTable.load("l2_capacity")
        let kappas = try table.column("kappa")
        var worst = 0.0
        for name in table.header.dropFirst() {
            let f = try Self.codingLevel(ofColumn: name)
            let computed = try L2Capacity.curve(f: f, kappas: kappas)
            for (c, r) in zip(computed, try table.column(name)) { worst = max(worst, theoryRelativeError(c, r)) }
        }
        print("l2_capacity: max relative error \(worst)")
        #expect(worst < Self.tolerance)
    }

    @Test func l2CriticalLoads() throws {
        let table = try TheoryTable.load("l2_critical")
        var worst = 0.0
        for (f, alpha) in zip(try table.column("f"), try table.column("alpha_c")) {
            worst = max(worst, theoryRelativeError(try L2Capacity.criticalLoad(f: f), alpha))
        }
        print("l2_critical: max relative error \(worst)")
        #expect(worst < Self.tolerance)
        #expect(table.rows.count == 5)
    }

    @Test func l2SpecValues() throws {
        let f05: [(Double, Double)] = [(0.1, 0.734604), (0.5, 0.259786), (1, 0.100116), (2, 0.029412)]
        for (kappa, alpha) in f05 { #expect(abs(try L2Capacity.alphaC(kappa: kappa, f: 0.5) - alpha) < 6e-7) }
        #expect(abs(try L2Capacity.alphaC(kappa: 0.1, f: 0.05) - 1.646743) < 6e-7)
        #expect(abs(try L2Capacity.alphaC(kappa: 1, f: 0.05) - 0.105847) < 6e-7)
        // f = ½ closed form 1/(2 I(2κ)).
        #expect(theoryRelativeError(try L2Capacity.alphaC(kappa: 0.3, f: 0.5), 0.5 / GaussianRamp.integralI(0.6)) < 1e-14)
        // Inverse κ_max(α).
        for (alpha, kappa) in [(0.08, 1.145902), (0.33, 0.397506), (0.7, 0.116289)] {
            let k = try L2Capacity.kappaMax(alpha: alpha, f: 0.5)
            #expect(abs(k - kappa) < 6e-7)
            #expect(theoryRelativeError(try L2Capacity.alphaC(kappa: k, f: 0.5), alpha) < 1e-12)
        }
        #expect(try L2Capacity.kappaMax(alpha: 1, f: 0.5) == 0)
        #expect(throws: TheoryError.self) { try L2Capacity.kappaMax(alpha: 1.2, f: 0.5) }
        #expect(throws: TheoryError.self) { try L2Capacity.alphaC(kappa: -1, f: 0.5) }
    }

    /// Two published L1 entries lie *above* the true maximum over μ of the stated objective
    /// (by 2.4e-6 and 1.2e-5 relative); every other entry agrees to < 7.2e-7. They are
    /// checked separately: our α_c must be the maximum, and the table's α_c exceed it.
    static let l1ReferenceGlitches: [(f: Double, rho: Double)] = [(0.03, 0.1316754928), (0.01, 1.481979932)]

    @Test func l1CapacityTable() throws {
        let table = try TheoryTable.load("l1_capacity")
        let rhos = try table.column("rho")
        var worst: [String: Double] = [:]
        for f in [0.5, 0.1, 0.05, 0.03, 0.01] {
            let points = try L1Capacity.curve(f: f, rhos: rhos)
            let columns: [(String, (L1CapacityPoint) -> Double)] = [
                ("alpha_c", \.alphaC), ("p_exc", \.connectionProbability),
                ("mean_exc", \.meanNonZero), ("std_exc", \.stdNonZero),
            ]
            for (name, value) in columns {
                let reference = try table.column("\(name)_f\(f)")
                for (point, r) in zip(points, reference) {
                    let error = theoryRelativeError(value(point), r)
                    if Self.l1ReferenceGlitches.contains(where: { $0.f == f && $0.rho == point.rho }) {
                        #expect(error < 2e-5, "f = \(f), rho = \(point.rho), \(name)")
                        if name == "alpha_c" { #expect(r > point.alphaC) }
                    } else {
                        worst[name] = max(worst[name] ?? 0, error)
                        #expect(error < Self.tolerance, "f = \(f), rho = \(point.rho), \(name): \(value(point)) vs \(r)")
                    }
                }
            }
        }
        print("l1_capacity: max relative error (excluding 2 glitch rows) \(worst)")
    }

    @Test func l1OptimumIsTheMaximum() throws {
        // μ* from the derivative root agrees with a value-based Brent maximisation, and
        // shifting μ or b lowers α; this also covers the glitch rows above.
        for (f, rho) in Self.l1ReferenceGlitches + [(0.5, 1.0), (0.1, 5.0)] {
            let best = try L1Capacity.point(rho: rho, f: f)
            let search = Solver1D.maximum(in: -3, 6) { mu in (try? L1Capacity.evaluate(rho: rho, f: f, mu: mu).alphaC) ?? 0 }
            #expect(abs(search.x - best.mu) < 1e-6)
            #expect(search.value <= best.alphaC * (1 + 1e-14))
            for dmu in [-1e-3, 1e-3] {
                #expect(try L1Capacity.evaluate(rho: rho, f: f, mu: best.mu + dmu).alphaC < best.alphaC)
            }
            // b* minimises the pattern term: any other bias gives a lower α.
            let q = best.connectionProbability
            let a1 = GaussianRamp.firstMoment(threshold: best.mu), a2 = GaussianRamp.secondMoment(threshold: best.mu)
            let s = a1 / a2.squareRoot()
            for db in [-0.01, 0.01] {
                let other = q * q / (a2 * PatternTerm.value(k: s * rho, bias: s * (best.bias + db), f: f))
                #expect(other < best.alphaC)
            }
        }
    }

    @Test func l1SpecValues() throws {
        // Stored spot checks (α_c, p).
        let spot: [(rho: Double, f: Double, alpha: Double, p: Double)] = [
            (0.05, 0.5, 0.956461, 0.488856), (0.05, 0.01, 9.248526, 0.490719), (20, 0.5, 0.015266, 0.014706),
        ]
        for s in spot {
            let point = try L1Capacity.point(rho: s.rho, f: s.f)
            #expect(abs(point.alphaC - s.alpha) < 6e-7)
            #expect(abs(point.connectionProbability - s.p) < 6e-7)
        }
        // Inverse α → (ρ, p) at f = ½.
        let inverse: [(alpha: Double, rho: Double, p: Double)] = [
            (0.08, 6.2943, 0.07178), (0.33, 1.68806, 0.24420), (0.7, 0.43489, 0.41087),
        ]
        for s in inverse {
            let point = try L1Capacity.point(alpha: s.alpha, f: 0.5)
            #expect(abs(point.rho - s.rho) < 6e-5 * max(1, s.rho), "alpha \(s.alpha): rho \(point.rho)")
            #expect(abs(point.connectionProbability - s.p) < 6e-6, "alpha \(s.alpha): p \(point.connectionProbability)")
            #expect(theoryRelativeError(point.alphaC, s.alpha) < 1e-12)
        }
        // ρ → 0 is the L2 limit: density ½ and α_c(0, f) the critical load.
        for f in [0.5, 0.05] {
            let zero = try L1Capacity.point(rho: 0, f: f)
            #expect(abs(zero.connectionProbability - 0.5) < 1e-12)
            #expect(theoryRelativeError(zero.alphaC, try L2Capacity.criticalLoad(f: f)) < 1e-12)
        }
        #expect(throws: TheoryError.self) { try L1Capacity.point(alpha: 2, f: 0.5) }
    }

    @Test func l0BoundaryTable() throws {
        let table = try TheoryTable.load("l0_boundary")
        let points = try L0Boundary.curve(l0s: try table.column("l0"))
        var worst = 0.0
        for (point, r) in zip(points, try table.column("alpha_0_k0_0")) { worst = max(worst, theoryRelativeError(point.alpha0, r)) }
        print("l0_boundary: max relative error \(worst)")
        #expect(worst < Self.tolerance)
        #expect(points.allSatisfy { theoryRelativeError(2 * $0.density, $0.l0) < 1e-13 })
    }

    @Test func l0GridTable() throws {
        let table = try TheoryTable.load("l0_alpha0_grid", hasHeader: false)
        let l0s = try TheoryTable.load("l0_boundary").column("l0")
        // The comment lists the κ rows rounded to 6 digits; they are linspace(0, 2, 100).
        let comment = try #require(table.comment)
        let listed = comment.split(separator: "=")[1].split(separator: ";")[0]
            .split(separator: " ").compactMap { Double($0) }
        let kappas = (0..<100).map { 2 * Double($0) / 99 }
        #expect(listed.count == 100)
        for (a, b) in zip(listed, kappas) { #expect(abs(a - b) < 1e-5 * max(b, 1)) }
        #expect(table.rows.count == 100)
        var worst = 0.0
        for (kappa, row) in zip(kappas, table.rows) {
            #expect(row.count == l0s.count)
            for (point, r) in zip(try L0Boundary.curve(l0s: l0s, kappa: kappa), row) {
                worst = max(worst, theoryRelativeError(point.alpha0, r))
            }
        }
        print("l0_alpha0_grid: max relative error \(worst)")
        #expect(worst < Self.tolerance)
    }

    @Test func l0SpecValues() throws {
        #expect(abs(try L0Boundary.point(l0: 0.001).alpha0 - 0.0127) < 5e-5)
        #expect(abs(try L0Boundary.point(l0: 1).alpha0 - 1) < 1e-14)
        for (alpha, density) in [(0.08, 0.00466), (0.33, 0.03202), (0.7, 0.1164)] {
            let point = try L0Boundary.minimalDensity(alpha: alpha)
            #expect(abs(point.density - density) < 5e-6 + 5e-5 * density, "alpha \(alpha): \(point.density)")
            #expect(theoryRelativeError(try L0Boundary.point(l0: point.l0).alpha0, alpha) < 1e-10)
        }
        #expect(throws: TheoryError.self) { try L0Boundary.point(l0: 0) }
        #expect(throws: TheoryError.self) { try L0Boundary.minimalDensity(alpha: 1.5) }
    }
}
