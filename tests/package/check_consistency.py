#!/usr/bin/env python3
"""check_consistency.py --source DIR --build DIR

The packaging files of the three platforms agree with each other and with the build:
  workflows  every .github/workflows/*.yml is valid YAML with jobs and steps; the -DPLURESDB_* options,
             presets and cpack generators they use exist in the CMake files; the version check they
             run reads the real project() line;
  version    project(VERSION) == core/Version.h == CPack == AppStream release == Info.plist == .rc;
  identity   app id and product name: Version.h == .desktop == metainfo == Info.plist == .rc;
  icons      .desktop Icon == metainfo icon == Info.plist icon file; the committed PNGs have the size
             their names say, and the Windows .ico holds exactly those PNGs;
  scheme     core/keys/Invite.h kInviteScheme == .desktop MimeType == metainfo == Info.plist ==
             the NSIS registry commands.
It reads the files the build configured (installer/, CPackConfig.cmake), the ones that ship.
"""
import argparse
import glob
import json
import os
import plistlib
import re
import struct
import sys
import xml.etree.ElementTree as ET

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)
    return ok


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def cmake_set(text, name):
    """The value of set(NAME "value" ...) or set(NAME value) in a CMake file."""
    m = re.search(r"^\s*set\(\s*" + re.escape(name) + r'\s+(?:"([^"]*)"|([^\s)]+))', text, re.M)
    return (m.group(1) if m.group(1) is not None else m.group(2)) if m else None


def cpack_config(build):
    """CPackConfig.cmake values (written with CPACK_VERBATIM_VARIABLES, so plain quoted strings)."""
    values = {}
    for m in re.finditer(r'^set\((CPACK_\w+)\s+"((?:[^"\\]|\\.)*)"\)', read(os.path.join(build, "CPackConfig.cmake")), re.M):
        values[m.group(1)] = m.group(2)
    return values


def desktop_entry(path):
    entry, group = {}, None
    for line in read(path).splitlines():
        if line.startswith("["):
            group = line.strip("[]")
        elif group == "Desktop Entry" and "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            entry[k.strip()] = v.strip()
    return entry


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", data[16:24])


def ico_images(data):
    """(width, height, bytes) of each entry of an .ico (0 in the directory means 256)."""
    _, kind, count = struct.unpack("<HHH", data[:6])
    if kind != 1:
        return []
    out = []
    for i in range(count):
        w, h, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        out.append((w or 256, h or 256, data[offset:offset + size]))
    return out


def load_yaml(path):
    try:
        import yaml
    except ImportError:
        return None
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def workflows(source, options, presets, generators, project_name):
    files = sorted(glob.glob(os.path.join(source, ".github", "workflows", "*.yml")))
    check(len(files) >= 2, f"workflows: {len(files)} files in .github/workflows (Windows and macOS at least)")
    runners = set()
    for path in files:
        name = os.path.relpath(path, source)
        text = read(path)
        check("\t" not in text, f"{name}: no tab characters (YAML forbids them in indentation)")
        doc = load_yaml(path)
        if doc is None:
            # No PyYAML: the shape a workflow must have, checked on the text.
            check(re.search(r"^on:", text, re.M) and re.search(r"^jobs:", text, re.M),
                  f"{name}: has on: and jobs: (PyYAML missing; text check only)")
            jobs = {}
        else:
            check(isinstance(doc, dict), f"{name}: parses as a YAML mapping")
            # YAML 1.1 reads the key "on" as the boolean true.
            check("on" in doc or True in doc, f"{name}: has triggers (on:)")
            jobs = doc.get("jobs") or {}
            check(isinstance(jobs, dict) and jobs, f"{name}: has jobs")
        for job_id, job in jobs.items():
            runs_on = str(job.get("runs-on", ""))
            runners.add(runs_on.split("-")[0])
            steps = job.get("steps") or []
            check(runs_on and steps, f"{name}: job {job_id} has runs-on and steps")
            bad = [i + 1 for i, step in enumerate(steps) if not (isinstance(step, dict) and ("uses" in step or "run" in step))]
            check(not bad, f"{name}: job {job_id}: each of its {len(steps)} steps has uses: or run: (not: {bad})")
            platform = "windows" if runs_on.startswith("windows") else "macos" if runs_on.startswith("macos") else "linux"
            for g in re.findall(r"cpack\s+-G\s+(\w+)", text):
                check(g in generators.get(platform, []),
                      f"{name}: cpack -G {g} is a generator installer/CMakeLists.txt sets for {platform} "
                      f"({generators.get(platform)})")
        for opt in sorted(set(re.findall(r"-D(PLURESDB_\w+)=", text))):
            check(opt in options, f"{name}: -D{opt} is an option of the CMake files")
        for preset in sorted(set(re.findall(r"--preset[= ](\w+)", text))):
            check(preset in presets, f"{name}: preset {preset} exists in CMakePresets.json")
        for manifest in re.findall(r"VCPKG_MANIFEST_DIR=\"?\$\{\{ github.workspace \}\}/([\w/]+)", text):
            check(os.path.isfile(os.path.join(source, manifest, "vcpkg.json")), f"{name}: {manifest}/vcpkg.json exists")
        for pname in re.findall(r"project\\?\((\w+) VERSION", text):
            check(pname == project_name, f"{name}: its version check reads project({pname} VERSION ...), "
                                         f"the top-level CMakeLists.txt says project({project_name} ...)")
    check({"windows", "macos"} <= runners, f"workflows: run on Windows and macOS runners ({sorted(runners)})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    args = ap.parse_args()
    src, build = args.source, args.build

    top = read(os.path.join(src, "CMakeLists.txt"))
    m = re.search(r"^project\((\w+)\s+VERSION\s+([0-9.]+)", top, re.M)
    project_name, version = m.group(1), m.group(2)
    print(f"project {project_name} version {version}")

    installer = read(os.path.join(src, "installer", "CMakeLists.txt"))
    app_id = cmake_set(installer, "PLURESDB_APP_ID")
    product = cmake_set(installer, "PLURESDB_PRODUCT_NAME")
    icon_name = cmake_set(installer, "PLURESDB_ICON_NAME").replace("${PLURESDB_APP_ID}", app_id)
    scheme = cmake_set(installer, "PLURESDB_URL_SCHEME")

    options = set()
    for cm in glob.glob(os.path.join(src, "**", "CMakeLists.txt"), recursive=True):
        if "/build" in os.path.relpath(cm, src) or "node_modules" in cm:
            continue
        t = read(cm)
        options |= set(re.findall(r"option\((\w+)", t)) | set(re.findall(r"set\((\w+)[^)]*\bCACHE\b", t))
    presets = {p["name"] for p in json.loads(read(os.path.join(src, "CMakePresets.json")))["configurePresets"]}

    # The generators installer/CMakeLists.txt sets in each platform's branch.
    generators, platform = {}, None
    for line in installer.splitlines():
        if line.startswith("if(APPLE)"):
            platform = "macos"
        elif line.startswith("elseif(WIN32)"):
            platform = "windows"
        elif line.startswith("else()"):
            platform = "linux"
        elif line.startswith("endif()"):
            platform = None
        g = re.match(r"\s*set\(CPACK_GENERATOR\s+([\w ]+)\)", line)
        if g and platform:
            generators[platform] = g.group(1).split()

    workflows(src, options, presets, generators, project_name)

    # --- version -------------------------------------------------------------------------------
    version_h = read(os.path.join(build, "core", "generated", "core", "Version.h"))
    h = dict(re.findall(r'inline constexpr const char\* (k\w+) = "([^"]*)";', version_h))
    cpack = cpack_config(build)
    linux_dir = os.path.join(build, "installer", "linux")
    desktop_path = os.path.join(linux_dir, f"{app_id}.desktop")
    metainfo_path = os.path.join(linux_dir, f"{app_id}.metainfo.xml")
    plist = plistlib.loads(open(os.path.join(build, "installer", "Info.plist"), "rb").read())
    rc = read(os.path.join(build, "installer", "pluresdb-desktop.rc"))
    nsis = read(os.path.join(build, "installer", "nsis-url-scheme.nsh"))
    meta = ET.parse(metainfo_path).getroot()
    entry = desktop_entry(desktop_path)

    check(h.get("kVersion") == version, f"version: core/Version.h kVersion {h.get('kVersion')} == {version}")
    check(cpack.get("CPACK_PACKAGE_VERSION") == version,
          f"version: CPack {cpack.get('CPACK_PACKAGE_VERSION')} == {version}")
    releases = meta.findall("./releases/release")
    check(releases and releases[0].get("version") == version,
          f"version: AppStream newest release {releases[0].get('version') if releases else None} == {version}")
    check(plist.get("CFBundleShortVersionString") == version and plist.get("CFBundleVersion") == version,
          f"version: Info.plist {plist.get('CFBundleShortVersionString')}/{plist.get('CFBundleVersion')} == {version}")
    rc_versions = re.findall(r'VALUE "(?:File|Product)Version", "([^"]*)"', rc)
    rc_numeric = re.findall(r"(?:FILE|PRODUCT)VERSION (\d+),(\d+),(\d+),0", rc)
    check(rc_versions == [version, version], f"version: .rc FileVersion/ProductVersion {rc_versions} == {version}")
    check(rc_numeric and all(".".join(n) == version for n in rc_numeric),
          f"version: .rc FILEVERSION/PRODUCTVERSION {rc_numeric} == {version}")

    # --- identity ------------------------------------------------------------------------------
    check(h.get("kAppId") == app_id, f"app id: core/Version.h kAppId {h.get('kAppId')} == {app_id}")
    check(os.path.isfile(desktop_path), f"app id: the desktop entry is named {app_id}.desktop")
    check(meta.findtext("id") == app_id, f"app id: metainfo <id> {meta.findtext('id')} == {app_id}")
    check(meta.findtext("launchable") == f"{app_id}.desktop", f"app id: metainfo launchable {meta.findtext('launchable')}")
    check(plist.get("CFBundleIdentifier") == app_id, f"app id: Info.plist CFBundleIdentifier {plist.get('CFBundleIdentifier')}")
    names = {"Version.h kProductName": h.get("kProductName"), ".desktop Name": entry.get("Name"),
             "metainfo name": meta.findtext("name"), "Info.plist CFBundleName": plist.get("CFBundleName"),
             ".rc ProductName": (re.findall(r'VALUE "ProductName", "([^"]*)"', rc) or [None])[0]}
    check(set(names.values()) == {product}, f"product name: all {product!r}: {names}")

    # --- icons ---------------------------------------------------------------------------------
    check(entry.get("Icon") == icon_name, f"icon: .desktop Icon {entry.get('Icon')} == {icon_name}")
    stock = meta.find("./icon[@type='stock']")
    check(stock is not None and stock.text == icon_name, f"icon: metainfo stock icon == {icon_name}")
    check(plist.get("CFBundleIconFile") == f"{icon_name}.icns",
          f"icon: Info.plist CFBundleIconFile {plist.get('CFBundleIconFile')} == {icon_name}.icns")
    check(f"{{PLURESDB_ICON_NAME}}.icns" in installer and "iconutil" in installer,
          "icon: installer/CMakeLists.txt makes ${PLURESDB_ICON_NAME}.icns with iconutil")
    check(installer.count("RENAME ${PLURESDB_ICON_NAME}") >= 2, "icon: hicolor icons installed as ${PLURESDB_ICON_NAME}")
    icons = os.path.join(src, "resources", "icons")
    check(os.path.isfile(os.path.join(icons, "pluresdb.svg")), "icon: resources/icons/pluresdb.svg exists")
    pngs = {}
    for n in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        p = os.path.join(icons, "png", f"pluresdb-{n}.png")
        data = open(p, "rb").read() if os.path.isfile(p) else b""
        pngs[n] = data
        check(png_size(data) == (n, n), f"icon: png/pluresdb-{n}.png is {n}x{n} ({png_size(data)})")
    ico_ref = re.search(r'ICON "([^"]+)"', rc)
    check(ico_ref and os.path.isfile(ico_ref.group(1)), f"icon: the .rc icon {ico_ref.group(1) if ico_ref else None} exists")
    ico = ico_images(open(os.path.join(icons, "pluresdb.ico"), "rb").read())
    check(len(ico) >= 5, f"icon: pluresdb.ico has {len(ico)} images")
    for w, hgt, data in ico:
        check(w == hgt and pngs.get(w) == data, f"icon: the .ico's {w}x{hgt} image is png/pluresdb-{w}.png")
    check("CPACK_NSIS_MUI_ICON ${PLURESDB_ICONS}/pluresdb.ico" in installer, "icon: the NSIS installer uses pluresdb.ico")

    # --- URL scheme ----------------------------------------------------------------------------
    invite_h = read(os.path.join(src, "core", "keys", "Invite.h"))
    m = re.search(r'kInviteScheme = "([^"]+)"', invite_h)
    app_scheme = m.group(1) if m else None
    check(app_scheme == scheme, f"scheme: core/keys/Invite.h kInviteScheme {app_scheme} == installer {scheme}")
    mimes = [x for x in entry.get("MimeType", "").split(";") if x]
    check(f"x-scheme-handler/{scheme}" in mimes, f"scheme: .desktop MimeType {mimes}")
    check(re.search(r"%[uU]", entry.get("Exec", "")) is not None, f"scheme: .desktop Exec passes the link ({entry.get('Exec')})")
    check(f"x-scheme-handler/{scheme}" in [e.text for e in meta.findall("./provides/mediatype")],
          "scheme: metainfo provides the scheme handler")
    plist_schemes = [s for t in plist.get("CFBundleURLTypes", []) for s in t.get("CFBundleURLSchemes", [])]
    check(plist_schemes == [scheme], f"scheme: Info.plist CFBundleURLSchemes {plist_schemes}")
    check(f"'Software\\Classes\\{scheme}' 'URL Protocol'" in nsis
          and f"'Software\\Classes\\{scheme}\\shell\\open\\command' '' '\"$INSTDIR\\bin\\pluresdb-desktop.exe\" \"%1\"'" in nsis
          and f"DeleteRegKey SHCTX 'Software\\Classes\\{scheme}'" in nsis,
          "scheme: NSIS registers and unregisters the scheme with the link as argument")
    unescape = lambda v: re.sub(r"\\(.)", r"\1", v or "")
    check(unescape(cpack.get("CPACK_NSIS_EXTRA_INSTALL_COMMANDS")) + unescape(cpack.get("CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS")) == nsis,
          "scheme: CPack hands NSIS exactly those registry commands")

    print(f"\n{len(failures)} failed" if failures else "\nall consistent")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
