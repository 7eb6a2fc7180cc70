"""Build the dashboard's world outline, `src/tidings/web/static/world.json`, from world-atlas.

world-atlas (npm, ISC licence) packs Natural Earth's 1:110m countries (public domain) as
TopoJSON. This script decodes that TopoJSON (quantised, delta-encoded arcs) into plain
GeoJSON with coordinates rounded to 0.01 degrees, which the dashboard draws with its own
SVG projection code. Run it again only to change the source or the rounding:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world.py /tmp/package/countries-110m.json
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tidings" / "web" / "static" / "world.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (arcs are delta-encoded when quantised)."""
    scale, shift = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]], digits: int) -> list[list[float]]:
    """Join a ring's arcs (a negative index ~i is arc i reversed), dropping shared ends."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, digits), round(lat, digits)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def features(topology: dict, name: str, digits: int) -> list[dict]:
    arcs = decode_arcs(topology)
    found = []
    for geom in topology["objects"][name]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        coords = [[r for r in (ring(rg, arcs, digits) for rg in poly) if len(r) >= 4] for poly in polygons]
        coords = [p for p in coords if p]
        if coords:
            found.append({"type": "Feature", "id": geom.get("id"),
                          "properties": {"name": geom.get("properties", {}).get("name")},
                          "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas package")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument("--object", default="countries")
    parser.add_argument("--digits", type=int, default=2)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    collection = {"type": "FeatureCollection",
                  "source": "Natural Earth 1:110m (public domain) via world-atlas 2.0.2 (ISC)",
                  "features": features(topology, args.object, args.digits)}
    args.output.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{len(collection['features'])} features -> {args.output} ({args.output.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
