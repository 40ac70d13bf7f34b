#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-atspi-names.py: every control on every screen has a name.
#
# A screen reader says what a control is by its accessible name: a button
# drawn as an icon alone, an entry without a label tied to it, are read
# out as "button" and "text", and cannot be found by name. This test starts
# the real app on the AT-SPI test ward and, through AT-SPI only, walks the
# ward list, the patient page (each of its tabs), the observation form and
# Preferences; on each, every control showing (buttons, toggles, check
# boxes, entries, spin buttons, drop-downs, menu items, sliders, tabs)
# must have a name (GTK works it out from the control's label, its
# accessible label or the widget labelling it).
#
# Needs an accessibility bus: run inside dbus-run-session (the suite
# does). TAP output; the helpers are in crs_atspi.py.

import os
import re
import sys
import time

from crs_atspi import (App, Atspi, GLib, all_passed, click, find, ok, role_and_name, top_window,
                       wait_for, walk)

CONTROLS = {
    'push button', 'toggle button', 'check box', 'radio button', 'text', 'password text',
    'spin button', 'combo box', 'menu item', 'check menu item', 'radio menu item', 'slider',
    'page tab', 'link', 'switch', 'entry',
}


def showing(node):
    # GTK 4.8 sets VISIBLE, not SHOWING, on what is drawn.
    try:
        return node.get_state_set().contains(Atspi.StateType.VISIBLE)
    except GLib.Error:
        return False


def meaningful(name):
    """GTK 4.8 names a control with nothing to say by the type of its
    child ("GtkImage" for a button drawn as an icon alone): no name."""
    return bool(name.strip()) and not re.fullmatch(r'(Gtk|Adw)[A-Z][A-Za-z]*', name.strip())


def where(node):
    """The names of the nearest named ancestors, to find the control."""
    names = []
    parent = node.get_parent()
    while parent is not None and len(names) < 3:
        role, name = role_and_name(parent)
        if meaningful(name):
            names.append('%s "%s"' % (role, name))
        parent = parent.get_parent()
    return ' in '.join(names) or 'the window'


def unnamed_controls(root, ignore=()):
    found = []
    for node in walk(root):
        role, name = role_and_name(node)
        if (role, name) in ignore:
            continue
        if role in CONTROLS and not meaningful(name) and showing(node):
            found.append('%s in %s' % (role, where(node)))
    return found


def check_screen(root, screen, ignore=()):
    missing = unnamed_controls(root, ignore)
    named = sum(1 for node in walk(root) if role_and_name(node)[0] in CONTROLS and showing(node))
    ok(not missing, '%s: every control showing has a name (%d controls)%s' %
       (screen, named, (': unnamed: ' + '; '.join(missing)) if missing else ''))


def main():
    srcdir = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
    if not App(None).usable():
        print('1..0 # SKIP CRS_WATCH and CRS_WATCH_CLI must name the programs')
        return 0

    with App(os.path.join(srcdir, 'data', 'atspi-ward.xml')) as app:
        root = app.root()
        ward = wait_for('the ward list', lambda: find(root, 'list', 'Patients on the ward'))
        patient = wait_for('the patient row', lambda: find(ward, 'list item', 'Bed 01, Ada Example', prefix=True))
        tabs = ('Summary', 'Timeline', 'History', 'Treatment')
        print('1..%d' % (3 + len(tabs)), flush=True)
        window = root.get_child_at_index(0)
        check_screen(window, 'the ward list')

        Atspi.Selection.select_child(ward, patient.get_index_in_parent())
        for tab in tabs:
            button = find(window, 'page tab', tab, with_actions=True)
            if button is None:
                ok(False, 'the patient page has a tab called %s' % tab)
                continue
            click(button)
            time.sleep(0.3)
            check_screen(window, 'the patient page, %s tab' % tab)

        click(wait_for('the Record menu', lambda: find(root, 'push button', 'Record', with_actions=True)))
        click(wait_for('Observation Set…', lambda: find(root, 'menu item', 'Observation Set…', with_actions=True)))
        form = wait_for('the observation form', lambda: top_window(root, 'New Observations'))
        time.sleep(0.3)
        check_screen(form, 'the observation form')
        click(wait_for('Cancel', lambda: find(form, 'push button', '_Cancel', prefix=True, with_actions=True)))
        wait_for('the form to close', lambda: top_window(root, 'New Observations') is None)

        click(wait_for('the main menu', lambda: find(window, 'toggle button', 'Main menu', with_actions=True) or
                       find(window, 'push button', 'Main menu', with_actions=True)))
        click(wait_for('Preferences', lambda: find(root, 'menu item', 'Preferences', with_actions=True)))
        preferences = wait_for('Preferences', lambda: top_window(root, 'Preferences'))
        time.sleep(0.3)
        # AdwPreferencesWindow (libadwaita 1.2) keeps its search entry in
        # the tree with search turned off (search-enabled is False in
        # crs-preferences-window.ui), where it can never be shown.
        check_screen(preferences, 'Preferences', ignore={('entry', 'GtkSearchEntry')})

    return 0 if all_passed() else 1


if __name__ == '__main__':
    sys.exit(main())
