"""Generates the harbor_shop seed CSVs (deterministic: same output on every run).

Run from the project folder: python3 scripts/generate_seeds.py
The data is invented: a chandlery selling rigging, safety gear and deck hardware to boat owners around a few harbours.
Payments always add up to the order total for orders that were shipped or delivered (tests/ checks it).
"""
import csv
import random
from datetime import datetime, timedelta

rng = random.Random(1852)  # the year of the first nautical mile standard, near enough

FIRST = ["Ada", "Bram", "Cora", "Dov", "Elin", "Finn", "Greta", "Hugo", "Ines", "Jonas", "Kai", "Lotte", "Mads",
         "Nora", "Oskar", "Pia", "Quinn", "Rune", "Saga", "Tove", "Ulf", "Vera", "Wim", "Ylva", "Zeno"]
LAST = ["Anker", "Brandt", "Claes", "Dekker", "Eriks", "Falk", "Gerrits", "Holm", "Jansen", "Kroon", "Lind",
        "Mast", "Nygaard", "Olsen", "Peeters", "Rask", "Strand", "Toft", "Visser", "Wolff"]
PORTS = ["Den Helder", "Harlingen", "Kiel", "Aarhus", "Stavanger", "Cowes", "Brest", "La Rochelle"]

PRODUCTS = [
    ("RIG-001", "Braided polyester line 10mm (per metre)", "rigging", 420, "Nordic Ropeworks"),
    ("RIG-002", "Dyneema halyard 8mm (per metre)", "rigging", 890, "Nordic Ropeworks"),
    ("RIG-003", "Stainless bow shackle 8mm", "rigging", 1150, "Keel & Co"),
    ("RIG-004", "Snatch block 60mm", "rigging", 4990, "Keel & Co"),
    ("RIG-005", "Turnbuckle M10 open body", "rigging", 3650, "Keel & Co"),
    ("SAF-001", "Automatic life jacket 165N", "safety", 12900, "Lifeline Marine"),
    ("SAF-002", "Handheld red flares (pack of 3)", "safety", 5400, "Lifeline Marine"),
    ("SAF-003", "Jackstay webbing 10m", "safety", 3900, "Lifeline Marine"),
    ("SAF-004", "Throwing line bag 25m", "safety", 4450, "Lifeline Marine"),
    ("NAV-001", "Paper chart: Wadden Sea east", "navigation", 2950, "Hydro Print"),
    ("NAV-002", "Hand bearing compass", "navigation", 8900, "Hydro Print"),
    ("NAV-003", "Tide tables almanac 2025", "navigation", 2400, "Hydro Print"),
    ("DEK-001", "Mooring cleat 200mm", "deck_hardware", 2790, "Keel & Co"),
    ("DEK-002", "Inflatable fender F4", "deck_hardware", 6900, "Harbour Supply"),
    ("DEK-003", "Folding anchor 5kg", "deck_hardware", 7450, "Harbour Supply"),
    ("DEK-004", "Manual bilge pump", "deck_hardware", 5990, "Harbour Supply"),
    ("MNT-001", "Teak oil 1L", "maintenance", 1890, "Varnish Works"),
    ("MNT-002", "Two-part antifouling 2.5L", "maintenance", 11900, "Varnish Works"),
    ("MNT-003", "Gelcoat repair kit", "maintenance", 3490, "Varnish Works"),
    ("MNT-004", "Stainless polish 250ml", "maintenance", 990, "Varnish Works"),
]

START = datetime(2024, 3, 1, 8, 0, 0)


def ts(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def main():
    with open("seeds/raw_products.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["sku", "product_name", "category", "unit_price_cents", "supplier", "updated_at"])
        for sku, name, cat, price, supplier in PRODUCTS:
            w.writerow([sku, name, cat, price, supplier, ts(START - timedelta(days=rng.randint(10, 90)))])

    customers = []
    with open("seeds/raw_customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "first_name", "last_name", "email", "home_port", "signed_up_at"])
        for cid in range(1, 121):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            signed = START + timedelta(days=rng.randint(0, 200), minutes=rng.randint(0, 1440))
            email = f"{first}.{last}{cid}@example.org".lower()
            w.writerow([cid, first, last, email, rng.choice(PORTS), ts(signed)])
            customers.append((cid, signed))

    prices = {p[0]: p[3] for p in PRODUCTS}
    orders, items, payments = [], [], []
    item_id = payment_id = 0
    for oid in range(1, 401):
        cid, signed = rng.choice(customers)
        ordered = signed + timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 600))
        status = rng.choices(["placed", "shipped", "delivered", "returned", "cancelled"], [8, 12, 65, 7, 8])[0]
        method = rng.choice(["courier", "harbour_pickup", "freight"])
        total = 0
        for sku in rng.sample(sorted(prices), rng.randint(1, 4)):
            item_id += 1
            qty = rng.randint(1, 12) if sku in ("RIG-001", "RIG-002") else rng.randint(1, 3)
            items.append([item_id, oid, sku, qty])
            total += qty * prices[sku]
        orders.append([oid, cid, ts(ordered), status, method])
        if status == "cancelled":
            continue
        paid_at = ordered + timedelta(minutes=rng.randint(1, 90))
        if total > 5000 and rng.random() < 0.15:
            gift = rng.choice([1000, 2500])
            payment_id += 1
            payments.append([payment_id, oid, "gift_card", gift, ts(paid_at)])
            total -= gift
        payment_id += 1
        payments.append([payment_id, oid, rng.choices(["card", "bank_transfer", "account_credit"], [70, 20, 10])[0], total, ts(paid_at)])

    with open("seeds/raw_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "customer_id", "ordered_at", "status", "shipping_method"])
        w.writerows(orders)
    with open("seeds/raw_order_items.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "order_id", "sku", "quantity"])
        w.writerows(items)
    with open("seeds/raw_payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "order_id", "payment_method", "amount_cents", "paid_at"])
        w.writerows(payments)


if __name__ == "__main__":
    main()
