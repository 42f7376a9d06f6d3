import Foundation
import Testing
import Plot

struct ColorAndMarkupTests {
    @Test func bluesMatchesMatplotlib() {
        // matplotlib: Blues(0.95) = (0.03137, 0.23696, 0.49195)
        let c = Colormap.blues(0.95)
        #expect(abs(c.r - 0.0313725) < 1e-4 && abs(c.g - 0.2369550) < 1e-4 && abs(c.b - 0.4919493) < 1e-4)
        #expect(Colormap.blues(0).hexString == "#f7fbff")
        #expect(Colormap.blues(1).hexString == "#08306b")
        #expect(Colormap.named("Greys_r")!(0).hexString == "#000000")
        #expect(Colormap.named("YlOrBr")!(1).hexString == "#662506")
    }

    @Test func listedMaps() {
        #expect(Colormap.tab20b[0].hexString == "#393b79")
        #expect(Colormap.tab20c[4].hexString == "#e6550d")
        #expect(Colormap.paired[11].hexString == "#b15928")
        #expect(Colormap.tab20c(0.5).hexString == Colormap.tab20c[10].hexString)
    }

    @Test func namedColors() {
        #expect(Color.named("dodgerblue").hexString == "#1e90ff")
        #expect(Color.named("grey") == Color.named("gray"))
        #expect(Color.named("dimgrey").hexString == "#696969")
        #expect(Color.named("palevioletred").hexString == "#db7093")
        #expect(Color.named("moccasin").hexString == "#ffe4b5")
        #expect(Color.named("xkcd:orangish").hexString == "#fc824a")
        #expect(Color.named("#08306b") == Color(hex: 0x08306b))
        #expect(Color.named("C1").hexString == "#ff7f0e")
        #expect(Color.named("0.5").hexString == "#808080")
        #expect(Color.parse("no-such-colour") == nil)
        #expect(Color.cssNames.count == 148)
        for n in ["black", "silver", "darkgrey", "lightgrey", "white", "red", "orange", "orangered",
                  "darkblue", "darkred", "lavender", "tan", "brown", "green"] {
            #expect(Color.parse(n) != nil, "\(n)")
        }
    }

    @Test func texToMarkup() {
        #expect(Markup.tex("Storage load $\\alpha/\\alpha_c$") == "Storage load <i>α</i>/<i>α</i><sub><i>c</i></sub>")
        #expect(Markup.tex("$f_\\mathrm{noise}/f$") == "<i>f</i><sub>noise</sub>/<i>f</i>")
        #expect(Markup.tex("$10^{-3}$") == "10<sup>−3</sup>")
        #expect(Markup.tex("$z \\to \\infty$") == "<i>z</i>\u{2009}→\u{2009}∞")
        #expect(Markup.tex("$\\frac{1}{2}$") == "1/2")
        #expect(Markup.tex("a & b < c") == "a &amp; b &lt; c")
        #expect(Markup.tex("$\\sigma_\\mathrm{noise}/\\langle u\\rangle_\\mathrm{obs}$")
                == "<i>σ</i><sub>noise</sub>/‹<i>u</i>›<sub>obs</sub>")
    }

    @Test func escape() {
        #expect(Markup.escape("<a & b>") == "&lt;a &amp; b&gt;")
    }
}
