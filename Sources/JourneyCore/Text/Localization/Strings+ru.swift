// The Russian table: every phrase and counted noun (docs/languages.md).
extension Strings {
    static func ru(_ phrase: Phrase) -> String {
        switch phrase {
        // MARK: Words shared by every view
        case .stage: "Этап"
        case .touchpoint: "Точка контакта"
        case .touchpoints: "Точки контакта"
        case .owner: "Владелец"
        case .owners: "Владельцы:"
        case .department: "Отдел"
        case .channel: "Канал"
        case .persona: "Персона: {1}"
        case .segment: "сегмент {1}"
        case .goal: "цель: {1}"
        case .customerData: "Данные клиентов: {1}"
        case .dateRange: "с {1} по {2}"
        case .all: "Всего"
        case .noneGiven: "нет"
        case .noOwner: "нет владельца"
        case .noChannel: "канал не указан"
        case .noData: "нет данных"
        case .quoted: "«{1}»"
        case .more: "ещё {1}"
        case .viewMap: "карта"
        case .viewCurve: "кривая эмоций"
        case .viewBlueprint: "блюпринт услуги"
        case .viewOwnership: "владельцы"
        case .viewDrivers: "ключевые драйверы"
        case .tiled: "{1}: {2}, по листам"
        // MARK: Emotions
        case .emotion: "Эмоция:"
        case .emotionValue: "эмоция {1}"
        case .emotionAngry: "гнев"
        case .emotionFrustrated: "раздражение"
        case .emotionNeutral: "нейтрально"
        case .emotionHappy: "радость"
        case .emotionDelighted: "восторг"
        case .measured: "измеренная"
        case .designedEmotion: "задуманная эмоция"
        case .measuredEmotion: "измеренная эмоция"
        case .noEmotion: "эмоция не указана"
        case .emotionNotSet: "эмоция не задана"
        // MARK: The map: header, legend, touchpoint labels
        case .momentOfTruth: "момент истины"
        case .knownPain: "известная болевая точка"
        case .opportunity: "возможность"
        case .backstage: "закулисье"
        case .nextStep: "следующий шаг"
        case .branchOrLoop: "ветвление / петля"
        case .designedToMeasured: "эмоция: задуманная → измеренная (жирным)"
        case .painPointNumber: "БОЛЕВАЯ ТОЧКА № {1}"
        case .smallSample: "малая выборка: выводы с осторожностью"
        case .negativeShare: "{1} негатив."
        // MARK: Emotion curve
        case .curveTitle: "Кривая эмоций: {1}"
        case .measuredEmotionOutlined: "измеренная эмоция (по отзывам; обведены главные болевые точки)"
        case .designedOnly: "(нет отзывов: только задуманная эмоция)"
        // MARK: Service blueprint
        case .blueprintTitle: "Блюпринт услуги: {1}"
        case .laneCustomerActions: "Действия клиента"
        case .laneFrontstage: "Видимые действия (точки контакта)"
        case .laneBackstage: "Закулисье"
        case .laneSupport: "Вспомогательные процессы"
        case .lineOfInteraction: "линия взаимодействия"
        case .lineOfVisibility: "линия видимости"
        case .lineOfInternalInteraction: "линия внутреннего взаимодействия"
        // MARK: Ownership
        case .ownershipCaption: "Точки контакта по владельцам и этапам, цвет — измеренная эмоция; ⚑ цель не достигнута"
        case .ownershipTitle: "Кто за что отвечает: {1}"
        // MARK: Accessible names in the SVG map (screen readers)
        case .a11yJourneyMap: "Карта пути клиента: {1}"
        case .a11yPersonas: "Персоны: {1}."
        case .a11yStageNumbered: "Этап {1}: {2}"
        case .a11yStage: "Этап: {1}."
        case .a11yChannel: "Канал: {1}."
        case .a11yOwner: "Владелец: {1}."
        case .a11yDesignedEmotion: "Задуманная эмоция: {1} ({2})."
        case .a11yMeasuredEmotion: "Измеренная эмоция: {1}."
        case .a11yMomentOfTruth: "Момент истины."
        case .a11yPain: "Болевая точка: {1}."
        case .a11yOpportunity: "Возможность: {1}."
        case .a11yFlow: "Переход: {1} → {2}"
        // MARK: Journey canvas
        case .canvasLaneTouchpoints: "Точки контакта и каналы"
        case .canvasLaneOwners: "Владельцы"
        case .canvasLaneEmotion: "Эмоции"
        case .canvasLanePains: "Болевые точки"
        case .canvasLaneOpportunities: "Возможности"
        case .canvasLaneKPIs: "Показатели и цели"
        case .canvasLaneBackstage: "Закулисье и поддержка"
        case .canvasDesigned: "задуманная"
        case .canvasSupport: "поддержка · {1}"
        case .canvasTarget: "цель {1}"
        case .canvasSmallSample: "малая выборка"
        case .canvasNegativeComments: "{1} негативных комментариев"
        // MARK: Report chart
        case .reportTitle: "Болевые точки: {1}"
        case .rankScore: "Балл"
        case .rankPriority: "Приоритет"
        case .chartFigures: "NPS · CSAT · негатив"
        case .designOnly: "только по замыслу"
        case .noPainPointsChart: "Болевых точек нет: ни одна точка контакта не оценена ниже остального пути."
        case .journeyNPS: "NPS пути {1}"
        case .targetsMet: "достигнуто целей: {1} из {2}"
        case .barsPainScore: "столбцы: балл болевой точки (docs/pain-points.md)"
        case .barsPriority: "столбцы: приоритет = важность × доля вне высшей оценки (docs/pain-points.md)"
        }
    }

    static func ru(_ noun: Counted) -> PluralForms {
        switch noun {
        case .pain: PluralForms(one: "болевая точка", few: "болевые точки", many: "болевых точек")
        case .painPoint: PluralForms(one: "болевая точка", few: "болевые точки", many: "болевых точек")
        case .idea: PluralForms(one: "идея", few: "идеи", many: "идей")
        case .backstageStep: PluralForms(one: "закулисное действие", few: "закулисных действия", many: "закулисных действий")
        case .response: PluralForms(one: "ответ", few: "ответа", many: "ответов")
        case .answer: PluralForms(one: "ответ", few: "ответа", many: "ответов")
        case .respondent: PluralForms(one: "респондент", few: "респондента", many: "респондентов")
        case .rating: PluralForms(one: "оценка", few: "оценки", many: "оценок")
        case .touchpoint: PluralForms(one: "точка контакта", few: "точки контакта", many: "точек контакта")
        case .row: PluralForms(one: "строка", few: "строки", many: "строк")
        }
    }
}
