/// The answers of one equal-treatment assessment (CHECKLIST.md, "Answers"). Absent optional
/// fields are false / 0 / nil. This is also the input of `onderdak checklist evaluate`.
public struct ChecklistAnswers: Hashable, Sendable {
    public var assessmentDate: Day
    /// ISO 3166-1 alpha-2, upper case.
    public var nationality: String
    public var arrivedNL: Day
    public var continuousResidenceSince: Day?
    public var absentOverTwoYears = false
    public var workingNow = false
    public var hoursPerWeek: Double = 0
    public var monthlyIncomeEUR: Double = 0
    public var selfEmployedNow = false
    public var workHistoryMonths = 0
    public var lastWorkEnd: Day?
    public var unemploymentInvoluntary = false
    public var registeredJobseekerUWV = false
    public var unableToWorkIllness = false
    public var vocationalTraining = false
    public var familyOfEntitled = false
    public var sufficientResourcesAndInsurance = false
    /// Documents seen by staff, in the order given.
    public var evidence: [String] = []
    /// The keys staff actually answered (`keys`); the others are unknown — evaluated as
    /// false/0/null, shown as "not asked". Nil for assessments recorded before this was kept.
    public var asked: Set<String>?

    /// True when `key` was answered (always true for assessments without the record of it).
    public func wasAsked(_ key: String) -> Bool { asked?.contains(key) ?? true }

    public init(assessmentDate: Day, nationality: String, arrivedNL: Day) {
        self.assessmentDate = assessmentDate
        self.nationality = nationality.uppercased()
        self.arrivedNL = arrivedNL
    }

    /// The documents staff may tick as seen.
    public static let evidenceKinds = ["id", "brp", "residence_proof", "contract", "payslips", "insurance_record", "dismissal",
                                       "uwv_registration", "medical_statement", "kvk", "training_enrolment", "relationship_proof"]

    /// The JSON keys accepted in an answers file.
    public static let keys = ["assessment_date", "nationality", "arrived_nl", "continuous_residence_since",
                              "absent_over_two_years", "working_now", "hours_per_week", "monthly_income_eur",
                              "self_employed_now", "work_history_months", "last_work_end", "unemployment_involuntary",
                              "registered_jobseeker_uwv", "unable_to_work_illness", "vocational_training",
                              "family_of_entitled", "sufficient_resources_and_insurance", "evidence"]

    /// Reads an answers file. Errors name the field and say what is wrong with it.
    public static func parse(json bytes: [UInt8]) throws(ChecklistInputError) -> ChecklistAnswers {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw .invalidJSON(error.description) }
        guard case .object(let pairs) = root else { throw .notAnObject }
        var seen = Set<String>()
        for (k, v) in pairs {
            guard keys.contains(k) else { throw .unknownField(k) }
            guard seen.insert(k).inserted else { throw .duplicateField(k) }
            _ = v
        }
        func value(_ k: String) -> JSONValue? {
            guard let v = root[k] else { return nil }
            return v
        }
        func date(_ k: String, required: Bool) throws(ChecklistInputError) -> Day? {
            guard let v = value(k), v != .null else {
                if required { throw .missingField(k) }
                return nil
            }
            guard case .string(let s) = v else { throw .wrongType(field: k, expected: "a date as \"YYYY-MM-DD\"") }
            guard let d = Day.parseISO(s) else { throw .impossibleDate(field: k, text: s) }
            return d
        }
        func bool(_ k: String) throws(ChecklistInputError) -> Bool {
            guard let v = value(k), v != .null else { return false }
            guard case .bool(let b) = v else { throw .wrongType(field: k, expected: "true or false") }
            return b
        }
        func number(_ k: String) throws(ChecklistInputError) -> Double {
            guard let v = value(k), v != .null else { return 0 }
            guard case .number(let n) = v else { throw .wrongType(field: k, expected: "a number") }
            guard n >= 0 else { throw .outOfRange(field: k, reason: "must not be negative") }
            return n
        }
        guard let assessment = try date("assessment_date", required: true),
              let arrived = try date("arrived_nl", required: true) else { throw .missingField("assessment_date") }
        guard let natValue = value("nationality"), natValue != .null else { throw .missingField("nationality") }
        guard case .string(let nat) = natValue else { throw .wrongType(field: "nationality", expected: "a two-letter country code such as \"PL\"") }
        guard nat.utf8.count == 2, nat.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) else {
            throw .outOfRange(field: "nationality", reason: "\"\(nat)\" is not a two-letter country code such as \"PL\"")
        }
        var a = ChecklistAnswers(assessmentDate: assessment, nationality: nat, arrivedNL: arrived)
        guard arrived <= assessment else {
            throw .outOfRange(field: "arrived_nl", reason: "\(arrived.iso) is after the assessment date \(assessment.iso)")
        }
        a.continuousResidenceSince = try date("continuous_residence_since", required: false)
        if let c = a.continuousResidenceSince, c > assessment {
            throw .outOfRange(field: "continuous_residence_since", reason: "\(c.iso) is after the assessment date \(assessment.iso)")
        }
        a.absentOverTwoYears = try bool("absent_over_two_years")
        a.workingNow = try bool("working_now")
        a.hoursPerWeek = try number("hours_per_week")
        if a.hoursPerWeek > 168 { throw .outOfRange(field: "hours_per_week", reason: "a week has 168 hours") }
        a.monthlyIncomeEUR = try number("monthly_income_eur")
        a.selfEmployedNow = try bool("self_employed_now")
        let months = try number("work_history_months")
        guard months == months.rounded(), months < 1200 else {
            throw .wrongType(field: "work_history_months", expected: "a whole number of months")
        }
        a.workHistoryMonths = Int(months)
        a.lastWorkEnd = try date("last_work_end", required: false)
        a.unemploymentInvoluntary = try bool("unemployment_involuntary")
        a.registeredJobseekerUWV = try bool("registered_jobseeker_uwv")
        a.unableToWorkIllness = try bool("unable_to_work_illness")
        a.vocationalTraining = try bool("vocational_training")
        a.familyOfEntitled = try bool("family_of_entitled")
        a.sufficientResourcesAndInsurance = try bool("sufficient_resources_and_insurance")
        if let ev = value("evidence"), ev != .null {
            guard case .array(let items) = ev else { throw .wrongType(field: "evidence", expected: "a list of document names") }
            for item in items {
                guard case .string(let s) = item else { throw .wrongType(field: "evidence", expected: "a list of document names") }
                guard evidenceKinds.contains(s) else { throw .unknownEvidence(s) }
                if !a.evidence.contains(s) { a.evidence.append(s) }
            }
        }
        a.asked = Set(pairs.filter { $0.1 != .null }.map(\.0))
        return a
    }

    /// The answers as JSON, in the key order of CHECKLIST.md (for storing and printing).
    public var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("assessment_date", .string(assessmentDate.iso)), ("nationality", .string(nationality)),
            ("arrived_nl", .string(arrivedNL.iso)),
            ("continuous_residence_since", continuousResidenceSince.map { .string($0.iso) } ?? .null),
            ("absent_over_two_years", .bool(absentOverTwoYears)), ("working_now", .bool(workingNow)),
            ("hours_per_week", .number(hoursPerWeek)), ("monthly_income_eur", .number(monthlyIncomeEUR)),
            ("self_employed_now", .bool(selfEmployedNow)), ("work_history_months", .number(Double(workHistoryMonths))),
            ("last_work_end", lastWorkEnd.map { .string($0.iso) } ?? .null),
            ("unemployment_involuntary", .bool(unemploymentInvoluntary)),
            ("registered_jobseeker_uwv", .bool(registeredJobseekerUWV)),
            ("unable_to_work_illness", .bool(unableToWorkIllness)), ("vocational_training", .bool(vocationalTraining)),
            ("family_of_entitled", .bool(familyOfEntitled)),
            ("sufficient_resources_and_insurance", .bool(sufficientResourcesAndInsurance)),
        ]
        o.append(("evidence", .array(evidence.map { .string($0) })))
        return .object(o)
    }
}
