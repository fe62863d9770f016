#!/usr/bin/env python3
"""Writes the example journeys' feedback files (deterministic: fixed seed).

usage: python3 journeys/tools/make-feedback.py      (from the repository root)

Each touchpoint has a profile: how customers really feel there (-2..+2, which may differ
from the designed emotion on purpose), how many responses it gets, the categories they
mention and a few things they say. Planted on purpose:
- air-travel: delay-info, rebook and checkout are bad; checkin is designed "happy" but
  customers are unhappy (designed-vs-measured gap); seat and inflight-wifi have small
  samples; three bad rows (nps 11, date 2024-02-30, an unknown touchpoint 'chek-in').
- online-return: where-is-refund and tracking are bad, label is worse than designed; a
  planted change: drop-off gets 150 more answers a month, and in October (a new parcel-shop
  partner) its mood falls from 0.5 to −0.6, a significant NPS drop in the "What changed" section.
- bank-account: weryfikacja and opłata are bad; wizyta has a small sample.
- home-internet (Ukrainian): visit and first-bill are bad; speed is designed neutral but
  customers are unhappy; support-call has a small sample.
"""
import csv, datetime, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# touchpoint: (true mood -2..2, responses, categories, comments)
AIR = {
    "promo": (1.0, 70, ["marketing/offers"], ["Great fare, booked straight away", "Nice deal but only for some dates"]),
    "search": (0.4, 90, ["booking/search"], ["Easy to compare times", "Filters reset when I go back"]),
    "checkout": (-1.3, 120, ["billing/fees", "billing/payment"], ["Bag fee only at the very end, felt tricked", "Total went from 89 to 160 EUR at checkout", "Card declined twice, no reason given"]),
    "confirm": (1.2, 60, ["booking/confirmation"], ["Confirmation in seconds", "Clear e-mail, all details there"]),
    "seat": (0.2, 8, ["booking/seats"], ["Seat map is fine"]),
    "checkin": (-0.9, 80, ["app/boarding-pass"], ["Boarding pass would not load at the gate, no signal", "App crashed during check-in"]),
    "delay-info": (-1.8, 110, ["operations/delay", "communication"], ["SMS came 50 minutes after the board showed the delay", "Nobody told us anything for an hour", "Found out about the delay on Twitter, not from you"]),
    "rebook": (-1.6, 45, ["support/wait", "operations/cancellation"], ["On hold for 55 minutes to rebook", "Agent was kind but could only offer tomorrow"]),
    "bag-drop": (0.5, 70, ["airport/bags"], ["Kiosk worked fine", "Quick bag drop"]),
    "security": (-0.4, 65, ["airport/queues"], ["Security took 35 minutes", "OK, the usual"]),
    "boarding": (-0.3, 60, ["airport/queues"], ["Gate chaos, no groups called", "Boarding was orderly"]),
    "cabin": (1.3, 90, ["inflight/crew"], ["Crew were lovely", "Friendly, helpful cabin crew"]),
    "inflight-wifi": (0.8, 12, ["inflight/wifi"], ["Wi-Fi good enough for e-mail"]),
    "baggage-claim": (-0.8, 70, ["bags/lost", "bags/damaged"], ["Suitcase came out with a broken wheel", "Bag arrived a day later"]),
    "complaint": (-1.0, 55, ["support/response"], ["Took two weeks to answer my complaint", "Copy-paste reply, did not read my message"]),
    "invoice": (0.1, 40, ["billing/invoice"], ["Invoice is there but without my company's VAT number"]),
}
ONLINE = {
    "policy": (-0.2, 60, ["policy"], ["Not clear whether sale items can be returned", "Policy is OK once you find it"]),
    "faq-chat": (-1.2, 25, ["support/chatbot"], ["The bot kept sending me the same FAQ link"]),
    "start-return": (1.1, 80, ["app/returns"], ["Return started in two taps", "Easy, liked choosing the reason"]),
    "label": (-0.7, 75, ["returns/label"], ["I do not own a printer, had to go to a copy shop", "Label link expired"]),
    "pack": (0.1, 40, ["returns/packing"], ["Had to find my own box"]),
    "drop-off": (1.0, 70, ["returns/drop-off"], ["Parcel shop around the corner, done in a minute"]),
    "pickup": (-0.9, 14, ["returns/courier"], ["Waited at home all day for the courier"]),
    "tracking": (-1.1, 85, ["returns/tracking"], ["Tracking said 'received by carrier' for nine days", "No update after drop-off"]),
    "received": (0.9, 60, ["returns/warehouse"], ["Good to hear it arrived"]),
    "where-is-refund": (-1.8, 90, ["refund/status", "support/wait"], ["Called three times, nobody could tell me where my money is", "Agent said 'the warehouse does not tell us anything'"]),
    "refund-issued": (0.8, 70, ["refund"], ["Refund e-mail finally came"]),
    "refund-card": (1.4, 60, ["refund"], ["Money back on the card, all good"]),
    "survey": (0.0, 30, ["survey"], ["Survey is too long"]),
    "voucher": (0.9, 35, ["marketing/voucher"], ["Nice gesture"]),
    "rebuy": (1.2, 40, ["sales/reorder"], ["Ordered the right size this time, size advice helped"]),
}
BANK = {
    "reklama": (1.0, 50, ["marketing"], ["Konto za 0 zł brzmi dobrze"]),
    "porównanie": (-0.4, 60, ["opłaty"], ["Tabela opłat jest nieczytelna", "Nie wiem, za co zapłacę"]),
    "formularz": (0.4, 80, ["wniosek"], ["Formularz prosty", "Za dużo pól o dochody"]),
    "weryfikacja": (-1.7, 110, ["weryfikacja/wideo", "weryfikacja/zasięg"], ["Rozmowa wideo zerwała się trzy razy", "Czekałam 25 minut na konsultanta wideo", "Weryfikacja nie działa na starszym telefonie"]),
    "wizyta": (-0.6, 11, ["oddział/kolejka"], ["Kolejka w oddziale, ale pani była miła"]),
    "umowa": (1.0, 70, ["umowa"], ["Podpis kodem SMS – szybko"]),
    "logowanie": (1.2, 75, ["aplikacja/logowanie"], ["Logowanie odciskiem palca, super"]),
    "przelew": (1.5, 70, ["aplikacja/przelew"], ["Przelew w kilka sekund"]),
    "infolinia-pin": (-1.0, 45, ["infolinia/czekanie"], ["20 minut na linii, żeby ustawić PIN"]),
    "karta-wysyłka": (-1.1, 80, ["karta/wysyłka"], ["Karta szła dwa tygodnie", "Brak informacji, kiedy przyjdzie karta"]),
    "aktywacja": (0.6, 50, ["karta/aktywacja"], ["Aktywacja w aplikacji bez problemu"]),
    "płatność": (1.3, 55, ["karta/płatność"], ["Płatność zbliżeniowa działa"]),
    "powiadomienia": (0.9, 40, ["aplikacja/powiadomienia"], ["Przydatne powiadomienia"]),
    "opłata": (-1.9, 70, ["opłaty/karta", "opłaty/ukryte"], ["Miało być 0 zł, a pobrali 9 zł za kartę", "Nikt nie powiedział o warunku 300 zł płatności"]),
    "reklamacja": (-0.8, 40, ["reklamacja"], ["Reklamacja rozpatrzona po 3 tygodniach"]),
    "polecenie": (1.4, 35, ["polecenie"], ["Polecam, aplikacja świetna"]),
}
HOME = {
    "ad": (0.9, 60, ["маркетинг"], ["Ціна виглядає чесно", "Реклама зрозуміла"]),
    "coverage": (-0.8, 70, ["покриття/карта"], ["Мого будинку немає на карті покриття", "Довелося дзвонити, щоб дізнатися про покриття"]),
    "tariffs": (0.2, 55, ["тарифи"], ["Тарифи зрозумілі", "Забагато дрібного шрифту"]),
    "form": (1.1, 80, ["заявка"], ["Заявка за дві хвилини", "Зручно обрати дату"]),
    "callback": (-1.0, 75, ["продажі/дзвінок"], ["Чекала на дзвінок до наступного дня", "Менеджер так і не передзвонив"]),
    "slot": (0.3, 50, ["монтаж/запис"], ["Обрала зручний час"]),
    "visit": (-1.7, 110, ["монтаж/запізнення", "монтаж/якість"], ["Майстер запізнився на три години", "Ніхто не попередив, що майстер затримується", "Кабель проклали просто по підлозі"]),
    "router": (1.0, 60, ["роутер"], ["Майстер усе налаштував", "Роутер працює, дякую"]),
    "speed": (-1.1, 85, ["швидкість/Wi-Fi"], ["Замість 1000 Мбіт/с маю 300", "Увечері інтернет ледве працює"]),
    "support-call": (-0.7, 12, ["підтримка/очікування"], ["20 хвилин на лінії"]),
    "app-login": (1.2, 60, ["застосунок"], ["Застосунок зручний"]),
    "first-bill": (-1.8, 90, ["рахунок/приховані платежі"], ["У рахунку 500 грн за підключення, про які не казали", "Обіцяли безкоштовне підключення"]),
    "chat": (-0.5, 40, ["підтримка/чат"], ["У чаті відповіли швидко, але гроші повертали тиждень"]),
    "recommend": (1.4, 35, ["рекомендація"], ["Раджу сусідам, швидкість тепер добра"]),
}

START = datetime.date(2026, 8, 1)


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def response(rng, mood):
    """NPS 0-10, CSAT 1-5, CES 1-7 (lower is easier) and a sentiment for a true mood -2..+2."""
    m = mood + rng.gauss(0, 0.9)
    nps = int(round(clamp(8 + 1.8 * m, 0, 10)))
    csat = int(round(clamp(3.8 + 0.8 * m, 1, 5)))
    ces = int(round(clamp(3 - 1.1 * m, 1, 7)))
    sentiment = "negative" if m < -0.6 else "positive" if m > 0.6 else "neutral"
    return nps, csat, ces, sentiment, m


def write(name, profiles, segments, channels, extra_rows=()):
    rng = random.Random(name)
    path = os.path.join(ROOT, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["touchpoint", "date", "segment", "channel", "nps", "csat", "ces", "sentiment", "category", "comment"])
        for tp, (mood, n, cats, comments) in profiles.items():
            for i in range(n):
                nps, csat, ces, sentiment, m = response(rng, mood)
                date = START + datetime.timedelta(days=rng.randrange(0, 90))
                comment = rng.choice(comments) if (m < -0.3 or rng.random() < 0.25) else ""
                row = [tp, date.isoformat(), rng.choice(segments), channels.get(tp, ""),
                       nps if rng.random() > 0.05 else "", csat if rng.random() > 0.1 else "",
                       ces if rng.random() > 0.2 else "", sentiment, rng.choice(cats), comment]
                w.writerow(row)
        for row in extra_rows:
            w.writerow(row)
    print("wrote", path)


def write_social(name):
    """Social-media complaints: a reason, a tone and the text, but no touchpoint."""
    rng = random.Random(name)
    reasons = {
        "Late Flight": (70, ["@air flight delayed again and no info at the gate", "2 hours late, \"on time\" my foot"]),
        "Customer Service Issue": (60, ["@air your agents hung up on me", "Still waiting for a reply, 5 days now"]),
        "Cancelled Flight": (35, ["Cancelled Flightled, rebooked for tomorrow morning, thanks for nothing"]),
        "Lost Luggage": (30, ["@air where is my bag?? tracing says nothing"]),
        "Damaged Luggage": (6, ["Handle ripped off my suitcase"]),
        "Flight Booking Problems": (25, ["Website charged me twice for one booking"]),
        "Flight Attendant Complaints": (12, ["Crew ignored the call button for 40 min"]),
        "longlines": (10, ["Line at the gate went through the whole terminal"]),
        "Bad Flight": (15, ["Seat was broken and the screen did not work"]),
        "": (40, ["Great crew today, thanks @air!", "Smooth flight, landed early ✈️"]),
    }
    path = os.path.join(ROOT, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "step", "reason", "tone", "text"])
        for reason, (n, texts) in reasons.items():
            for i in range(n):
                date = START + datetime.timedelta(days=rng.randrange(0, 90))
                tone = "pos" if reason == "" else ("neg" if rng.random() < 0.92 else "neutral")
                w.writerow([date.isoformat(), "", reason, tone, rng.choice(texts)])
    print("wrote", path)


AIR_CHANNELS = {"promo": "social", "search": "web", "checkout": "web", "confirm": "email", "seat": "app",
                "checkin": "app", "delay-info": "sms", "rebook": "phone", "complaint": "social", "invoice": "web"}
write("air-travel.feedback.csv", AIR, ["business", "leisure"], AIR_CHANNELS, extra_rows=[
    # Deliberately bad rows: the run reports them with their line numbers.
    ["checkout", "2026-09-01", "business", "web", "11", "2", "6", "negative", "billing/fees", "nps 11 is off the 0-10 scale"],
    ["security", "2024-02-30", "leisure", "", "6", "3", "4", "neutral", "airport/queues", "there is no 30 February"],
    ["chek-in", "2026-09-03", "business", "app", "4", "2", "5", "negative", "app/boarding-pass", "a typo in the touchpoint id"],
])
write_social("air-travel.social.csv")
def planted_drop_off():
    """online-return's planted change: 150 drop-off answers a month, worse in October. A
    separate generator, so the other rows stay as they were."""
    rng = random.Random("online-return planted drop")
    rows = []
    for month, days, mood in [(8, 31, 0.5), (9, 30, 0.5), (10, 31, -0.6)]:
        for i in range(150):
            nps, csat, ces, sentiment, m = response(rng, mood)
            date = datetime.date(2026, month, rng.randrange(1, days + 1))
            comment = ""
            if month == 10 and m < -0.3:
                comment = rng.choice(["New parcel shop closes at 6, had to come back the next day",
                                      "The shop had no scanner for my QR code"])
            rows.append(["drop-off", date.isoformat(), rng.choice(["regular", "new"]), "",
                         nps, csat if rng.random() > 0.1 else "", ces if rng.random() > 0.2 else "",
                         sentiment, "returns/drop-off", comment])
    return rows


write("online-return.feedback.csv", ONLINE, ["regular", "new"], {}, extra_rows=planted_drop_off())
write("bank-account.feedback.csv", BANK, ["mobilni", "oddział"], {})
write("home-internet.feedback.csv", HOME, ["online", "phone"], {})
