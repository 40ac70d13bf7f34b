#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when text users see is left out of translation.

Checks the .ui templates (a label, title, tooltip and the like with words
in it but no translatable="yes") and the C sources (a string literal with
words handed straight to a widget, a toast, a dialog or a GError, not
through _()). A string meant to stay as it is says so: translatable="no"
in a .ui file, or a /* not translatable: why */ comment on the line
before it in C.

usage: check-translatable.py [--expect-problems N] SOURCE_ROOT [FILE...]
(--expect-problems: succeed only when exactly N problems are found, to
show the check finds strings planted on purpose.)
"""
import os
import re
import sys

UI_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup',
    'placeholder-text', 'description', 'text', 'heading', 'body',
    'accessible-name', 'accessible-description', 'secondary-text',
    'icon-name-tooltip', 'button-label', 'accelerator-title',
}
# A word: two letters in a row, outside format directives and markup.
WORD = re.compile(r'[^\W\d_]{2,}')
FORMAT = re.compile(r'%(\d+\$)?[-+ #0\']*\d*(\.\d+)?(hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]')

C_CALLS = [
    r'gtk_label_new',
    r'gtk_label_new_with_mnemonic',
    r'gtk_label_set_(?:label|text|markup|text_with_mnemonic|markup_with_mnemonic)\s*\([^,;]*,',
    r'gtk_button_new_with_(?:label|mnemonic)',
    r'gtk_button_set_label\s*\([^,;]*,',
    r'gtk_check_button_new_with_(?:label|mnemonic)',
    r'gtk_check_button_set_label\s*\([^,;]*,',
    r'gtk_widget_set_tooltip_(?:text|markup)\s*\([^,;]*,',
    r'gtk_window_set_title\s*\([^,;]*,',
    r'gtk_entry_set_placeholder_text\s*\([^,;]*,',
    r'gtk_editable_set_placeholder_text\s*\([^,;]*,',
    r'gtk_file_dialog_set_title\s*\([^,;]*,',
    r'gtk_file_chooser_native_new',
    r'gtk_file_filter_set_name\s*\([^,;]*,',
    r'gtk_accessible_update_property\s*\([^;]*GTK_ACCESSIBLE_PROPERTY_(?:LABEL|DESCRIPTION)\s*,',
    r'adw_toast_new',
    r'adw_toast_set_(?:title|button_label)\s*\([^,;]*,',
    r'adw_[a-z_]+_set_(?:title|subtitle|description|body|heading|label|placeholder_text|button_label)\s*\([^,;]*,',
    r'adw_message_dialog_new\s*\([^,;]*,',
    r'adw_message_dialog_new\s*\([^,;]*,[^,;]*,',
    r'adw_message_dialog_add_response\s*\([^,;]*,[^,;]*,',
    r'adw_message_dialog_format_(?:heading|body)\s*\([^,;]*,',
    r'adw_status_page_set_title\s*\([^,;]*,',
    r'g_set_error\s*\([^,;]*,[^,;]*,[^,;]*,',
    r'g_set_error_literal\s*\([^,;]*,[^,;]*,[^,;]*,',
    r'g_error_new\s*\([^,;]*,[^,;]*,',
    r'g_error_new_literal\s*\([^,;]*,[^,;]*,',
    r'g_prefix_error\s*\([^,;]*,',
    r'g_application_add_main_option\s*\((?:[^,;]*,){5}',
]
C_PATTERN = re.compile(r'\b(?:' + '|'.join('(?:%s)' % c if c.endswith(',') else '(?:%s\\s*\\()' % c
                                            for c in C_CALLS) + r')\s*"((?:[^"\\]|\\.)*)"')
OPT_OUT = re.compile(r'not translatable', re.IGNORECASE)


def has_words(text):
    text = FORMAT.sub(' ', text)
    text = re.sub(r'<[^>]*>', ' ', text)
    text = re.sub(r'&\w+;', ' ', text)
    return WORD.search(text) is not None


def check_ui(path, rel):
    problems = []
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for m in re.finditer(r'<(property|attribute)\s+([^>]*)>([^<]*)</\1>', text):
        attrs, value = m.group(2), m.group(3)
        name = re.search(r'name="([^"]+)"', attrs)
        if name is None or name.group(1) not in UI_PROPERTIES:
            continue
        if 'translatable=' in attrs or not has_words(value):
            continue
        line = text.count('\n', 0, m.start()) + 1
        problems.append('%s:%d: %s "%s" is not marked translatable="yes"'
                        % (rel, line, name.group(1), value.strip()))
    for m in re.finditer(r'<(item)(\s[^>]*)?>([^<]*)</item>', text):
        attrs = m.group(2) or ''
        if 'translatable=' in attrs or not has_words(m.group(3)):
            continue
        line = text.count('\n', 0, m.start()) + 1
        problems.append('%s:%d: item "%s" is not marked translatable="yes"' % (rel, line, m.group(3).strip()))
    return problems


def strip_comments(text):
    # Keeps line numbers: comments become blanks of the same lines.
    def blank(m):
        return re.sub(r'[^\n]', ' ', m.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*', blank, text, flags=re.S)


def check_c(path, rel):
    problems = []
    with open(path, encoding='utf-8') as f:
        raw = f.read()
    code = strip_comments(raw)
    raw_lines = raw.split('\n')
    for m in C_PATTERN.finditer(code):
        literal = m.group(1)
        if not has_words(literal):
            continue
        line = code.count('\n', 0, m.start(1)) + 1
        call_line = code.count('\n', 0, m.start()) + 1
        # The opt-out comment: on the line of the call or the one before.
        context = '\n'.join(raw_lines[max(0, call_line - 2):line])
        if OPT_OUT.search(context):
            continue
        problems.append('%s:%d: "%s" is shown to users but not marked for translation (_())'
                        % (rel, line, literal))
    return problems


def main():
    args = sys.argv[1:]
    expect = None
    if args[:1] == ['--expect-problems']:
        expect = int(args[1])
        args = args[2:]
    root = args[0]
    files = args[1:]
    if not files:
        for top in ('src', 'ui'):
            for d, _, names in os.walk(os.path.join(root, top)):
                # The therapy compiler runs at build time and talks to
                # developers; its messages are English only.
                files += [os.path.join(d, n) for n in names if n.endswith(('.c', '.ui'))
                          and not n.startswith('crs-therapy-compile')]
    problems = []
    for path in sorted(files):
        rel = os.path.relpath(path, root)
        if path.endswith('.ui'):
            problems += check_ui(path, rel)
        elif path.endswith('.c'):
            problems += check_c(path, rel)
    for p in problems:
        print(p)
    if expect is not None:
        print('%d problem(s) found, %d expected' % (len(problems), expect))
        return 0 if len(problems) == expect else 1
    if problems:
        print('%d user-visible string(s) not marked for translation' % len(problems))
        return 1
    print('every user-visible string checked is marked for translation (%d files)' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
