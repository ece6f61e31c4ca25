#!/usr/bin/env python3
"""Builds the single-file edition: one .html holding the page, its stylesheet, the JS glue and the
app (wasm and the Chinese font embedded), to be opened from file:// — copied from a USB stick or
received as a chat attachment. The Content-Security-Policy stays strict: inline scripts and the
stylesheet are allowed by their SHA-256 hashes only, and nothing may be fetched from anywhere.
Usage: make_single_file.py SHELL_HTML CSS JS_DIR APP_SINGLE_JS OUT_HTML"""
import base64
import hashlib
import re
import sys

shell, css_path, js_dir, app_js, out = sys.argv[1:6]
html = open(shell, encoding='utf-8').read()
hashes = []


def inline_script(code):
    if '</script' in code.lower():
        sys.exit(f'make_single_file: a script contains "</script", which would end the inline block')
    hashes.append("'sha256-" + base64.b64encode(hashlib.sha256(code.encode('utf-8')).digest()).decode() + "'")
    return '<script>' + code + '</script>'


css = open(css_path, encoding='utf-8').read()
style_hash = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode('utf-8')).digest()).decode() + "'"
html = html.replace('<link rel="stylesheet" href="app.css">', '<style>' + css + '</style>')
html = re.sub(r'<link rel="(manifest|icon|preload)"[^>]*>\n?', '', html)
html = re.sub(r'<!-- Every file the page needs.*?-->\n', '', html, flags=re.S)


def replace_script(m):
    src = m.group(1)
    path = app_js if src == 'app.js' else js_dir + '/' + src[len('js/'):]
    code = open(path, encoding='utf-8').read()
    if src == 'js/boot.js':
        # Tells the app it runs as the single-file edition (storage advice differs on file://).
        return inline_script("var Module = {jianfuSingleFile: true};") + '\n' + inline_script(code)
    return inline_script(code)


html = re.sub(r'<script src="([^"]+)"></script>', replace_script, html)
csp = ("default-src 'none'; script-src " + ' '.join(hashes) + " 'wasm-unsafe-eval'; style-src " + style_hash +
       "; img-src data:; connect-src data:; object-src 'none'; base-uri 'none'; form-action 'none'")
html = re.sub(r'content="default-src[^"]*"', 'content="' + csp + '"', html)
with open(out, 'w', encoding='utf-8') as f:
    f.write(html)
