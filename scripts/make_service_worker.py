#!/usr/bin/env python3
"""Writes SITE/sw.js from web/sw.js.in: the list of files to cache and a cache name carrying a
hash of their contents, so that every build that changes any file gets a fresh cache.
Usage: make_service_worker.py TEMPLATE SITE_DIR"""
import hashlib
import json
import os
import sys

template, site = sys.argv[1], sys.argv[2]
# Cached at install: everything the first screen needs. The rare-character font chunk is cached
# when first fetched, so first visits stay small.
LAZY = {'sw.js', 'assets/fonts/jianfu-sc-ext.ttf', 'jianfu.html'}
files = []
for root, _, names in os.walk(site):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), site).replace(os.sep, '/')
        if rel not in LAZY and not rel.startswith('.'):
            files.append(rel)
files.sort()
h = hashlib.sha256()
for rel in files:
    h.update(rel.encode())
    with open(os.path.join(site, rel), 'rb') as f:
        h.update(f.read())
assets = ['./'] + files
text = open(template, encoding='utf-8').read()
text = text.replace('@BUILD@', h.hexdigest()[:16]).replace('@ASSETS@', json.dumps(assets))
out = os.path.join(site, 'sw.js')
old = open(out, encoding='utf-8').read() if os.path.exists(out) else None
if old != text:
    with open(out, 'w', encoding='utf-8') as f:
        f.write(text)
