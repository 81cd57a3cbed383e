import Testing
@testable import TerminalUI

@Suite("Widgets")
struct WidgetTests {
    static let names = ["Łukasz Wójcik", "Ștefan Popescu", "Győző Kovács", "Иван Петров", "Marek Nowak", "王小明", "Jan de Vries",
                        "Agnieszka Zielińska", "Ioana Țurcanu", "Zoë O'Brien-García"]

    @Test("Text field: cursor editing keys, control characters refused, PINs hidden")
    func textField() {
        var f = TextField()
        for c in "Győzo" { f.handle(.char(c)) }
        f.handle(.backspace); f.handle(.char("ő"))
        #expect(f.text == "Győző")
        f.handle(.home); f.handle(.delete); f.handle(.char("g"))
        #expect(f.text == "győző")
        f.handle(.end); f.handle(.left); f.handle(.char("x"))
        #expect(f.text == "győzxő")
        f.handle(.char("\u{1B}")); f.handle(.char("\u{7}"))
        #expect(f.text == "győzxő")
        f.handle(.ctrl("u"))
        #expect(f.text.isEmpty)
        var pin = TextField("12345", secret: true)
        var b = Buffer(width: 10, height: 1)
        pin.render(into: &b, x: 0, y: 0, width: 10, focused: false)
        #expect(b.lines[0] == "•••••")
        pin.handle(.char("6"))
        #expect(pin.text == "123456")
        var long = TextField(String(repeating: "Иван ", count: 30), maxLength: 500)
        var c = Buffer(width: 12, height: 1)
        let cx = long.render(into: &c, x: 0, y: 0, width: 12, focused: true)
        #expect(cx <= 11, "the cursor stays visible when the text is longer than the field")
        long.handle(.home)
        let homeX = long.render(into: &c, x: 0, y: 0, width: 12, focused: true)
        #expect(homeX == 0)
        var capped = TextField(maxLength: 3)
        for ch in "abcdef" { capped.handle(.char(ch)) }
        #expect(capped.text == "abc")
    }

    @Test("Date field: Dutch and ISO notation, impossible dates refused, letters not typed",
          arguments: [("23-11-2026", true), ("2026-11-23", true), ("29-02-2024", true), ("29-02-2025", false),
                      ("31-04-2026", false), ("23-13-2026", false), ("1-1-26", false), ("23/11/2026", true)])
    func dateField(_ text: String, _ valid: Bool) {
        var d = DateField()
        for c in text { _ = d.handle(.char(c)) }
        _ = d.handle(.char("a"))
        #expect(d.input.text == text)
        #expect((d.value != nil) == valid)
    }

    @Test("List: selection scrolls to stay visible")
    func list() {
        var l = ListView(count: 100)
        l.handle(.pageDown, height: 10)
        #expect(l.selected == 9 && l.top == 0)
        l.handle(.down, height: 10)
        #expect(l.selected == 10 && l.top == 1)
        l.handle(.end, height: 10)
        #expect(l.selected == 99 && l.top == 90)
        l.handle(.home, height: 10)
        #expect(l.selected == 0 && l.top == 0)
        l.setCount(0)
        let moved = l.handle(.down, height: 10)
        #expect(!moved)
    }

    @Test("Checkbox and choice")
    func toggles() {
        var cb = Checkbox("ID gezien")
        _ = cb.handle(.char(" "))
        #expect(cb.checked)
        var ch = Choice(["man", "vrouw", "onbekend/anders"])
        _ = ch.handle(.left)
        #expect(ch.selected == "onbekend/anders")
        _ = ch.handle(.right)
        #expect(ch.selected == "man")
    }

    @Test("Bar chart keeps the number beside the bar; sparkline scales to blocks")
    func charts() {
        #expect(BarChart.bar(5, maximum: 10, width: 4) == "██")
        #expect(BarChart.bar(1, maximum: 8, width: 1) == "▏")
        #expect(BarChart.bar(0, maximum: 8, width: 4) == "")
        #expect(Sparkline.text([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == " ▂▃▄▅▆▇█")
        #expect(Sparkline.text([3, 3], width: 1) == "█")
        #expect(Sparkline.text([], width: 5) == "")
    }

    /// Every widget on one screen, as staff would see them.
    static func gallery(width: Int, height: Int) -> Buffer {
        var b = Buffer(width: width, height: height)
        HeaderBar.render(into: &b, title: "Widgets · Иван · 王小明", right: "nacht ma 23-11", demo: " DEMO ")
        var table = Table(columns: [TableColumn("Naam", width: 16), TableColumn("Land", width: 4), TableColumn("Nachten", width: 7, alignRight: true)],
                          rows: names.enumerated().map { i, n in [n, ["PL", "RO", "HU", "BG", "PL", "CN", "NL", "PL", "RO", "ES"][i], "\(i * 3)/28"] })
        _ = table.handle(.down, height: 6)
        table.render(into: &b, x: 1, y: 2, width: min(30, width - 2), height: 6)
        var form = Form(fields: [FormField(label: "Voornaam", input: TextField("Ștefan")),
                                 FormField(label: "Pincode", input: TextField("123", secret: true), problem: "minimaal 5 cijfers")])
        form.focus = 1
        form.render(into: &b, x: 1, y: 9, labelWidth: 9, fieldWidth: min(16, width - 12))
        Checkbox("ID gezien", checked: true).render(into: &b, x: 1, y: 13, width: 14, focused: false)
        Choice(["vrouw"]).render(into: &b, x: 16, y: 13, width: 12, focused: true)
        if width >= 60 {
            BarChart.render(into: &b, x: 33, y: 2, width: width - 34, items: [("Polen", 34), ("Roemenië", 16), ("Hongarije", 12), ("Bulgarije", 7)])
            b.draw("bezetting " + Sparkline.text((0..<30).map { Double(($0 * 7) % 11) }, width: 30, maximum: 10), x: 33, y: 7)
        }
        StatusBar.render(into: &b, text: "Opgeslagen: Łukasz Wójcik", style: .success)
        KeyHintBar.render(into: &b, hints: ["F1 Help", "Esc Terug", "F10 Afsluiten"])
        return b
    }

    @Test("Widget gallery at 80×24 and 40×12 (golden), with diacritics, Cyrillic and CJK")
    func gallery() {
        Golden.check(Self.gallery(width: 80, height: 24), "widgets-80x24")
        Golden.check(Self.gallery(width: 40, height: 12), "widgets-40x12")
        var b = Buffer(width: 60, height: 16)
        Dialog.render(into: &b, title: "Fout", message: "Het journal kon niet worden geschreven: er is geen ruimte meer op de schijf. Er is niets opgeslagen; uw invoer staat er nog.", hints: "Enter OK", style: .error)
        Golden.check(b, "dialog-error-60x16")
    }
}
