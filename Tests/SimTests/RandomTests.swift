import Testing
import Foundation
import Sim

@Suite struct RandomTests {
    @Test func sameSeedSameStream() {
        var a = Xoshiro256(seed: 100, stream: 3)
        var b = Xoshiro256(seed: 100, stream: 3)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    @Test func streamsDiffer() {
        var a = Xoshiro256(seed: 100, stream: 0)
        var b = Xoshiro256(seed: 100, stream: 1)
        var c = Xoshiro256(seed: 101, stream: 0)
        let x = (0..<4).map { _ in a.next() }
        #expect(x != (0..<4).map { _ in b.next() })
        #expect(x != (0..<4).map { _ in c.next() })
    }

    @Test func uniformAndNormalMoments() {
        var g = Xoshiro256(seed: 7)
        let n = 200_000
        var s = 0.0, s2 = 0.0, u = 0.0
        for _ in 0..<n {
            let z = g.normal()
            s += z; s2 += z * z
            u += g.uniform()
        }
        #expect(abs(s / Double(n)) < 0.01)
        #expect(abs(s2 / Double(n) - 1) < 0.02)
        #expect(abs(u / Double(n) - 0.5) < 0.005)
    }

    @Test func indexBelowIsInRangeAndCoversAll() {
        var g = Xoshiro256(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let i = g.index(below: 7)
            #expect((0..<7).contains(i))
            seen.insert(i)
        }
        #expect(seen.count == 7)
    }
}
