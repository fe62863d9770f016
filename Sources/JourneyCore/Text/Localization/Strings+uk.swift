// The Ukrainian table: every phrase and counted noun (docs/languages.md).
extension Strings {
    static func uk(_ phrase: Phrase) -> String {
        switch phrase {
        // MARK: Words shared by every view
        case .stage: "Етап"
        case .touchpoint: "Точка контакту"
        case .touchpoints: "Точки контакту"
        case .owner: "Власник"
        case .owners: "Власники:"
        case .department: "Відділ"
        case .channel: "Канал"
        case .persona: "Персона: {1}"
        case .segment: "сегмент {1}"
        case .goal: "мета: {1}"
        case .customerData: "Дані клієнтів: {1}"
        case .dateRange: "з {1} по {2}"
        case .all: "Усього"
        case .noneGiven: "немає"
        case .noOwner: "немає власника"
        case .noChannel: "канал не вказано"
        case .noData: "немає даних"
        case .quoted: "«{1}»"
        case .more: "ще {1}"
        case .viewMap: "карта"
        case .viewCurve: "крива емоцій"
        case .viewBlueprint: "блупринт послуги"
        case .viewOwnership: "власники"
        case .viewDrivers: "ключові драйвери"
        case .tiled: "{1}: {2}, по аркушах"
        // MARK: Emotions
        case .emotion: "Емоція:"
        case .emotionValue: "емоція {1}"
        case .emotionAngry: "гнів"
        case .emotionFrustrated: "роздратування"
        case .emotionNeutral: "нейтрально"
        case .emotionHappy: "радість"
        case .emotionDelighted: "захват"
        case .measured: "виміряна"
        case .designedEmotion: "задумана емоція"
        case .measuredEmotion: "виміряна емоція"
        case .noEmotion: "емоцію не вказано"
        case .emotionNotSet: "емоцію не задано"
        // MARK: The map: header, legend, touchpoint labels
        case .momentOfTruth: "момент істини"
        case .knownPain: "відома больова точка"
        case .opportunity: "можливість"
        case .backstage: "закулісся"
        case .nextStep: "наступний крок"
        case .branchOrLoop: "розгалуження / петля"
        case .designedToMeasured: "емоція: задумана → виміряна (жирним)"
        case .painPointNumber: "БОЛЬОВА ТОЧКА № {1}"
        case .smallSample: "мала вибірка: висновки з обережністю"
        case .negativeShare: "{1} негатив."
        // MARK: Emotion curve
        case .curveTitle: "Крива емоцій: {1}"
        case .measuredEmotionOutlined: "виміряна емоція (за відгуками; обведено головні больові точки)"
        case .designedOnly: "(немає відгуків: лише задумана емоція)"
        // MARK: Service blueprint
        case .blueprintTitle: "Блупринт послуги: {1}"
        case .laneCustomerActions: "Дії клієнта"
        case .laneFrontstage: "Видимі дії (точки контакту)"
        case .laneBackstage: "Закулісся"
        case .laneSupport: "Допоміжні процеси"
        case .lineOfInteraction: "лінія взаємодії"
        case .lineOfVisibility: "лінія видимості"
        case .lineOfInternalInteraction: "лінія внутрішньої взаємодії"
        // MARK: Ownership
        case .ownershipCaption: "Точки контакту за власниками й етапами, колір — виміряна емоція; ⚑ ціль не досягнуто"
        case .ownershipTitle: "Хто за що відповідає: {1}"
        // MARK: Accessible names in the SVG map (screen readers)
        case .a11yJourneyMap: "Карта шляху клієнта: {1}"
        case .a11yPersonas: "Персони: {1}."
        case .a11yStageNumbered: "Етап {1}: {2}"
        case .a11yStage: "Етап: {1}."
        case .a11yChannel: "Канал: {1}."
        case .a11yOwner: "Власник: {1}."
        case .a11yDesignedEmotion: "Задумана емоція: {1} ({2})."
        case .a11yMeasuredEmotion: "Виміряна емоція: {1}."
        case .a11yMomentOfTruth: "Момент істини."
        case .a11yPain: "Больова точка: {1}."
        case .a11yOpportunity: "Можливість: {1}."
        case .a11yFlow: "Перехід: {1} → {2}"
        // MARK: Journey canvas
        case .canvasLaneTouchpoints: "Точки контакту та канали"
        case .canvasLaneOwners: "Власники"
        case .canvasLaneEmotion: "Емоції"
        case .canvasLanePains: "Больові точки"
        case .canvasLaneOpportunities: "Можливості"
        case .canvasLaneKPIs: "Показники та цілі"
        case .canvasLaneBackstage: "Закулісся та підтримка"
        case .canvasDesigned: "задумана"
        case .canvasSupport: "підтримка · {1}"
        case .canvasTarget: "ціль {1}"
        case .canvasSmallSample: "мала вибірка"
        case .canvasNegativeComments: "{1} негативних коментарів"
        // MARK: Report chart
        case .reportTitle: "Больові точки: {1}"
        case .rankScore: "Бал"
        case .rankPriority: "Пріоритет"
        case .chartFigures: "NPS · CSAT · негатив"
        case .designOnly: "лише за задумом"
        case .noPainPointsChart: "Больових точок немає: жодна точка контакту не оцінена нижче за решту шляху."
        case .journeyNPS: "NPS шляху {1}"
        case .targetsMet: "досягнуто цілей: {1} з {2}"
        case .barsPainScore: "стовпці: бал больової точки (docs/pain-points.md)"
        case .barsPriority: "стовпці: пріоритет = важливість × частка поза найвищою оцінкою (docs/pain-points.md)"
        }
    }

    static func uk(_ noun: Counted) -> PluralForms {
        switch noun {
        case .pain: PluralForms(one: "больова точка", few: "больові точки", many: "больових точок")
        case .painPoint: PluralForms(one: "больова точка", few: "больові точки", many: "больових точок")
        case .idea: PluralForms(one: "ідея", few: "ідеї", many: "ідей")
        case .backstageStep: PluralForms(one: "дія закулісся", few: "дії закулісся", many: "дій закулісся")
        case .response: PluralForms(one: "відповідь", few: "відповіді", many: "відповідей")
        case .answer: PluralForms(one: "відповідь", few: "відповіді", many: "відповідей")
        case .respondent: PluralForms(one: "респондент", few: "респонденти", many: "респондентів")
        case .rating: PluralForms(one: "оцінка", few: "оцінки", many: "оцінок")
        case .touchpoint: PluralForms(one: "точка контакту", few: "точки контакту", many: "точок контакту")
        case .row: PluralForms(one: "рядок", few: "рядки", many: "рядків")
        }
    }
}
