// The Polish table: every phrase and counted noun (docs/languages.md).
extension Strings {
    static func pl(_ phrase: Phrase) -> String {
        switch phrase {
        // MARK: Words shared by every view
        case .stage: "Etap"
        case .touchpoint: "Punkt styku"
        case .touchpoints: "Punkty styku"
        case .owner: "Właściciel"
        case .owners: "Właściciele:"
        case .department: "Dział"
        case .channel: "Kanał"
        case .persona: "Persona: {1}"
        case .segment: "segment {1}"
        case .goal: "cel: {1}"
        case .customerData: "Dane od klientów: {1}"
        case .dateRange: "od {1} do {2}"
        case .all: "Razem"
        case .noneGiven: "brak"
        case .noOwner: "brak właściciela"
        case .noChannel: "brak kanału"
        case .noData: "brak danych"
        case .quoted: "„{1}”"
        case .more: "+{1} więcej"
        case .viewMap: "mapa"
        case .viewCurve: "krzywa emocji"
        case .viewBlueprint: "blueprint usługi"
        case .viewOwnership: "właściciele"
        case .viewDrivers: "kluczowe czynniki"
        case .tiled: "{1}: {2}, w arkuszach"
        // MARK: Emotions
        case .emotion: "Emocja:"
        case .emotionValue: "emocja {1}"
        case .emotionAngry: "złość"
        case .emotionFrustrated: "frustracja"
        case .emotionNeutral: "neutralnie"
        case .emotionHappy: "zadowolenie"
        case .emotionDelighted: "zachwyt"
        case .measured: "zmierzona"
        case .designedEmotion: "zakładana emocja"
        case .measuredEmotion: "zmierzona emocja"
        case .noEmotion: "brak emocji"
        case .emotionNotSet: "emocja nieokreślona"
        // MARK: The map: header, legend, touchpoint labels
        case .momentOfTruth: "moment prawdy"
        case .knownPain: "znana bolączka"
        case .opportunity: "szansa"
        case .backstage: "zaplecze"
        case .nextStep: "następny krok"
        case .branchOrLoop: "odgałęzienie / pętla"
        case .designedToMeasured: "emocja: zakładana → zmierzona (pogrubiona)"
        case .painPointNumber: "BOLĄCZKA NR {1}"
        case .smallSample: "mała próba: interpretuj ostrożnie"
        case .negativeShare: "{1} negat."
        // MARK: Emotion curve
        case .curveTitle: "Krzywa emocji: {1}"
        case .measuredEmotionOutlined: "zmierzona emocja (z opinii klientów; obrysowane: główne bolączki)"
        case .designedOnly: "(brak opinii klientów: tylko zakładana emocja)"
        // MARK: Service blueprint
        case .blueprintTitle: "Blueprint usługi: {1}"
        case .laneCustomerActions: "Działania klienta"
        case .laneFrontstage: "Działania widoczne (punkty styku)"
        case .laneBackstage: "Zaplecze"
        case .laneSupport: "Procesy wspierające"
        case .lineOfInteraction: "linia interakcji"
        case .lineOfVisibility: "linia widoczności"
        case .lineOfInternalInteraction: "linia interakcji wewnętrznej"
        // MARK: Ownership
        case .ownershipCaption: "Punkty styku według właściciela i etapu, w kolorze zmierzonej emocji; ⚑ nieosiągnięty cel"
        case .ownershipTitle: "Kto za co odpowiada: {1}"
        // MARK: Accessible names in the SVG map (screen readers)
        case .a11yJourneyMap: "Mapa ścieżki klienta: {1}"
        case .a11yPersonas: "Persony: {1}."
        case .a11yStageNumbered: "Etap {1}: {2}"
        case .a11yStage: "Etap: {1}."
        case .a11yChannel: "Kanał: {1}."
        case .a11yOwner: "Właściciel: {1}."
        case .a11yDesignedEmotion: "Zakładana emocja: {1} ({2})."
        case .a11yMeasuredEmotion: "Zmierzona emocja: {1}."
        case .a11yMomentOfTruth: "Moment prawdy."
        case .a11yPain: "Bolączka: {1}."
        case .a11yOpportunity: "Szansa: {1}."
        case .a11yFlow: "Przejście: {1} → {2}"
        // MARK: Journey canvas
        case .canvasLaneTouchpoints: "Punkty styku i kanały"
        case .canvasLaneOwners: "Właściciele"
        case .canvasLaneEmotion: "Emocje"
        case .canvasLanePains: "Bolączki"
        case .canvasLaneOpportunities: "Szanse"
        case .canvasLaneKPIs: "Wskaźniki i cele"
        case .canvasLaneBackstage: "Zaplecze i wsparcie"
        case .canvasDesigned: "zakładana"
        case .canvasSupport: "wsparcie · {1}"
        case .canvasTarget: "cel {1}"
        case .canvasSmallSample: "mała próba"
        case .canvasNegativeComments: "{1} komentarzy negatywnych"
        // MARK: Report chart
        case .reportTitle: "Bolączki: {1}"
        case .rankScore: "Wynik"
        case .rankPriority: "Priorytet"
        case .chartFigures: "NPS · CSAT · negatywne"
        case .designOnly: "tylko z założeń"
        case .noPainPointsChart: "Brak bolączek: żaden punkt styku nie wypada gorzej niż reszta ścieżki."
        case .journeyNPS: "NPS ścieżki {1}"
        case .targetsMet: "osiągnięte cele: {1} z {2}"
        case .barsPainScore: "słupki: wynik bolączki (docs/pain-points.md)"
        case .barsPriority: "słupki: priorytet = ważność × odsetek spoza top box (docs/pain-points.md)"
        }
    }

    static func pl(_ noun: Counted) -> PluralForms {
        switch noun {
        case .pain: PluralForms(one: "bolączka", few: "bolączki", many: "bolączek")
        case .painPoint: PluralForms(one: "bolączka", few: "bolączki", many: "bolączek")
        case .idea: PluralForms(one: "pomysł", few: "pomysły", many: "pomysłów")
        case .backstageStep: PluralForms(one: "działanie zaplecza", few: "działania zaplecza", many: "działań zaplecza")
        case .response: PluralForms(one: "odpowiedź", few: "odpowiedzi", many: "odpowiedzi")
        case .answer: PluralForms(one: "odpowiedź", few: "odpowiedzi", many: "odpowiedzi")
        case .respondent: PluralForms(one: "respondent", few: "respondentów", many: "respondentów")
        case .rating: PluralForms(one: "ocena", few: "oceny", many: "ocen")
        case .touchpoint: PluralForms(one: "punkt styku", few: "punkty styku", many: "punktów styku")
        case .row: PluralForms(one: "wiersz", few: "wiersze", many: "wierszy")
        }
    }
}
