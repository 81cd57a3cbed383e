import Testing
@testable import TerminalUI

@Suite("Display width and the cell buffer")
struct TextWidthTests {
    @Test("Widths of graphemes",
          arguments: [("a", 1), ("Ł", 1), ("ő", 1), ("Ș", 1), ("И", 1), ("e\u{301}", 1), ("中", 2), ("한", 2), ("ｶ", 1),
                      ("Ａ", 2), ("😀", 2), ("❤️", 2), ("\u{301}", 0), ("\u{200B}", 0), ("\t", 0)])
    func widths(_ s: String, _ w: Int) {
        #expect(TextWidth.width(of: s) == w)
    }

    @Test("Cut and pad by width, never splitting a wide character")
    func fit() {
        #expect(TextWidth.fit("Łukasz Wójcik", 8) == "Łukasz …")
        #expect(TextWidth.fit("Иван", 6) == "Иван  ")
        #expect(TextWidth.fit("中文字", 5) == "中文…")
        #expect(TextWidth.width(of: TextWidth.fit("中文字", 5)) == 5)
        #expect(TextWidth.prefix("中文字", fitting: 3) == "中")
        #expect(TextWidth.fit("abc", 0) == "")
    }

    @Test("Drawing clips at the edge with \"…\" on cut text, keeps wide characters whole, and never draws control characters")
    func draw() {
        var b = Buffer(width: 6, height: 2)
        b.draw("ab中文字", x: 0, y: 0)
        #expect(b.lines[0] == "ab中…", "cut text ends in …, never half a wide character")
        var full = Buffer(width: 6, height: 1)
        full.draw("ab中文", x: 0, y: 0)
        #expect(full.lines[0] == "ab中文", "text that fits exactly is not marked")
        b.draw("x\u{1B}[2J", x: 0, y: 1)
        #expect(b.lines[1] == "x?[2J")
        var c = Buffer(width: 3, height: 1)
        c.draw("中中", x: 0, y: 0)
        #expect(c.lines[0] == "中…")
        #expect(c[2, 0].grapheme == "…")
        var d = Buffer(width: 5, height: 1)
        d.draw("e\u{301}te\u{301}", x: 0, y: 0)
        #expect(d.lines[0] == "e\u{301}te\u{301}")
        #expect(d[3, 0].grapheme == " ")
        // Out-of-range draws do nothing.
        d.draw("zz", x: 9, y: 0); d.draw("zz", x: 0, y: 5); d.draw("zz", x: -1, y: 0)
        #expect(d.lines[0] == "ze\u{301}te\u{301}" || d.lines[0] == "z\u{301}te\u{301}" || d.lines[0].hasPrefix("z"))
    }

    @Test("A 0×0 and a 1×1 buffer take any drawing without crashing")
    func tiny() {
        var z = Buffer(width: 0, height: 0)
        z.draw("hello", x: 0, y: 0)
        HeaderBar.render(into: &z, title: "t", right: "r", demo: "DEMO")
        KeyHintBar.render(into: &z, hints: ["F10"])
        #expect(z.lines.isEmpty)
        var one = Buffer(width: 1, height: 1)
        HeaderBar.render(into: &one, title: "Nachtopvang", right: "nacht", demo: " DEMO ")
        KeyHintBar.render(into: &one, hints: ["F10 Afsluiten"])
        #expect(one.lines.count == 1)
    }

    @Test("The memory backend counts only changed cells")
    func diff() {
        let m = MemoryBackend(width: 10, height: 2)
        var b = Buffer(width: 10, height: 2)
        b.draw("hello", x: 0, y: 0)
        m.present(b)
        b.draw("J", x: 0, y: 0)
        m.present(b)
        #expect(m.lastChangedCells == 1)
    }
}

@Suite("Key-hint bar")
struct KeyHintBarTests {
    @Test("Narrow lines drop middle hints; quit always stays")
    func fitting() {
        let hints = ["F1 Help", "/ Zoeken", "l English", "m Medewerkers", "F9 Uitloggen", "F10 Afsluiten"]
        #expect(KeyHintBar.fitted(hints, width: 200) == hints.joined(separator: "  "))
        #expect(KeyHintBar.fitted(hints, width: 58) == "F1 Help  / Zoeken  l English  m Medewerkers  F10 Afsluiten")
        #expect(KeyHintBar.fitted(hints, width: 20) == "F10 Afsluiten")
        #expect(KeyHintBar.fitted(hints, width: 24).hasSuffix("F10 Afsluiten"))
    }

    @Test("A hint dropped for lack of room leaves the help key that lists every key in its place")
    func moreWhenDropped() {
        let file = ["e Wijzig", "o Notitie", "a Gezocht c Sluit", "r Terugkeer i IND", "x Vertrek", "F3 Checklist",
                    "s Status t Tolk h Huishouden", "z Zelfredzaamheid", "U Ongedaan (5 min)", "Esc Terug"]
        // Everything fits: no marker.
        #expect(KeyHintBar.fitted(file, width: 400, more: "F1 meer") == file.joined(separator: "  "))
        // At 80 columns the later keys go, and F1 stands before Esc.
        let line = KeyHintBar.fitted(file, width: 78, more: "F1 meer")
        #expect(line.hasPrefix("e Wijzig  o Notitie"))
        #expect(line.hasSuffix("F1 meer  Esc Terug"))
        #expect(!line.contains("Zelfredzaamheid"))
        #expect(TextWidth.width(of: line) <= 78)
        // Already in the list: not twice.
        let board = ["n Nacht", "F1 meer", "x Vertrek", "Esc Terug"]
        #expect(KeyHintBar.fitted(board, width: 30, more: "F1 meer").components(separatedBy: "F1").count <= 2)
        // Too narrow for both: the last hint alone.
        #expect(KeyHintBar.fitted(file, width: 12, more: "F1 meer") == "Esc Terug")
    }
}
