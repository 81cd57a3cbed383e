import OnderdakResources
import ShelterDomain
import Testing

/// One date format per language, from the one formatter (`Strings+Dates`): Dutch 26-11-2026
/// with Dutch weekday names, English 26/11/2026; occupancy periods in words, never "2026-W47".
@Suite("Dates as each language writes them")
struct DateFormatTests {
    let thursday = Day.parseISO("2026-11-26")!

    @Test("Dutch: 26-11-2026, do 26-11, do 26-11-2026")
    func dutch() {
        let t = Strings.nl
        #expect(t.date(thursday) == "26-11-2026")
        #expect(thursday.shown(t) == "26-11-2026")
        #expect(t.shortNight(thursday) == "do 26-11")
        #expect(t.dayAndDate(thursday) == "do 26-11-2026")
        #expect(t.date(Day.parseISO("2027-01-03")!) == "03-01-2027")
    }

    @Test("English: 26/11/2026, Thu 26/11, Thu 26/11/2026")
    func english() {
        let t = Strings.en
        #expect(t.date(thursday) == "26/11/2026")
        #expect(t.shortNight(thursday) == "Thu 26/11")
        #expect(t.dayAndDate(thursday) == "Thu 26/11/2026")
    }

    @Test("What a date shows is read back as the same date in both languages")
    func roundTrip() {
        for t in [Strings.nl, Strings.en] {
            for n in stride(from: -400, through: 400, by: 37) {
                let d = thursday.adding(days: n)
                #expect(Day.parse(t.date(d)) == d, "\(t.lang) \(t.date(d))")
            }
        }
    }

    @Test("A moment in Amsterdam time: 26-11-2026 23:05 (winter, UTC+1)")
    func timestamp() {
        let at = Timestamp(utcDay: thursday, seconds: 22 * 3600 + 5 * 60)
        #expect(Strings.nl.timestamp(at) == "26-11-2026 23:05")
        #expect(Strings.en.timestamp(at) == "26/11/2026 23:05")
    }

    @Test("Occupancy periods in words: a night, an ISO week, a month")
    func periods() {
        let key = OccupancyReport.periodKey
        #expect(Strings.nl.period(key(thursday, .night)) == "do 26-11")
        #expect(Strings.en.period(key(thursday, .night), withYear: true) == "Thu 26/11/2026")
        #expect(key(thursday, .week) == "2026-W48")
        #expect(Strings.nl.period(key(thursday, .week)) == "wk 48 2026")
        #expect(Strings.en.period(key(thursday, .week)) == "wk 48 2026")
        #expect(Strings.nl.period(key(thursday, .month)) == "nov 2026")
        #expect(Strings.en.period(key(Day.parseISO("2026-03-01")!, .month)) == "Mar 2026")
        #expect(Strings.nl.period("mei") == "mei")
    }
}
