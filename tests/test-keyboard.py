#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-keyboard.py: the nurse's round by keyboard alone.
#
# Starts the real app (CRS_WATCH) on the AT-SPI test ward and drives it
# with real key presses only (xdotool, through the X server as a keyboard
# does), watching where the focus is through AT-SPI: Tab reaches the ward
# list, the arrow keys move along it, Enter opens the patient, Ctrl+N the
# observation form with the focus in its first field, typing fills it,
# Ctrl+Enter saves it (the database then holds the set), and Alt+H shows
# the patient's history with the new set in it.
#
# Needs an accessibility bus (dbus-run-session) and xdotool; skipped
# without xdotool. TAP output. The helpers are in crs_atspi.py.

import os
import shutil
import sqlite3
import subprocess
import sys
import time

from crs_atspi import App, Atspi, all_passed, find, ok, role_and_name, top_window, wait_for, walk


def focused(root):
    """The node that has the keyboard focus, or None."""
    for node in walk(root):
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
        except Exception:
            pass
    return None


def key(*keys):
    subprocess.run(['xdotool', 'key', '--clearmodifiers', '--delay', '60'] + list(keys), check=True)


def describe(node):
    return '%s %r' % role_and_name(node) if node is not None else 'nothing'


def main():
    srcdir = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
    if not App(None).usable():
        print('1..0 # SKIP CRS_WATCH and CRS_WATCH_CLI must name the programs')
        return 0
    if shutil.which('xdotool') is None:
        print('1..0 # SKIP xdotool is not installed')
        return 0
    print('1..6', flush=True)

    with App(os.path.join(srcdir, 'data', 'atspi-ward.xml')) as app:
        root = app.root()
        wait_for('the ward list', lambda: find(root, 'list', 'Patients on the ward'))
        windows = subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--pid', str(app.process.pid)],
                                 capture_output=True, text=True, check=True).stdout.split()
        subprocess.run(['xdotool', 'windowfocus', '--sync', windows[0]], check=True)
        time.sleep(0.5)

        # Tab until the focus is on a patient of the ward list.
        def on_patient():
            node = focused(root)
            return node is not None and role_and_name(node)[1].startswith('Bed ')
        for _ in range(12):
            if on_patient():
                break
            key('Tab')
            time.sleep(0.3)
        ok(on_patient(), 'Tab reaches the ward list (focus on %s)' % describe(focused(root)))

        # Home: the first bed; Enter opens it.
        key('Home')
        time.sleep(0.3)
        first = focused(root)
        ok(first is not None and role_and_name(first)[1].startswith('Bed 01'),
           'Home moves to the first bed (%s)' % describe(first))
        key('Return')
        page = wait_for('the patient page', lambda: find(root, 'label', 'Ada Example'))
        ok(page is not None, 'Enter opens the patient')

        # Ctrl+N: the form, the focus in its first field.
        key('ctrl+n')
        def in_form():
            node = focused(root)
            return node if node is not None and role_and_name(node) == ('text', 'Temperature') else None
        field = wait_for('the focus in the form', in_form)
        ok(field is not None, 'Ctrl+N opens the observation form with the focus on Temperature')

        subprocess.run(['xdotool', 'type', '--delay', '60', '39.2'], check=True)
        key('Tab')
        subprocess.run(['xdotool', 'type', '--delay', '60', '118'], check=True)
        time.sleep(0.5)
        key('ctrl+Return')

        def saved():
            with sqlite3.connect('file:%s?mode=ro' % app.db, uri=True) as db:
                rows = db.execute('SELECT temperature_c, heart_rate FROM observation'
                                  ' WHERE superseded_by IS NULL ORDER BY id DESC LIMIT 1').fetchall()
            return rows if rows and rows[0][0] == 39.2 else None
        rows = wait_for('the saved set', saved)
        ok(rows == [(39.2, 118)], 'Ctrl+Enter saves what was typed: %r' % (rows,))

        # Back in the window (where a window manager puts the focus when the
        # form closes; Xvfb has none, so the test does): Alt+H, the
        # history with the new set.
        wait_for('the form closed', lambda: top_window(root, 'New Observations') is None)
        subprocess.run(['xdotool', 'windowfocus', '--sync', windows[0]], check=True)
        time.sleep(0.5)
        key('alt+h')
        row = wait_for('the history', lambda: find(root, 'label', '39.2 °C'))
        ok(row is not None, 'Alt+H shows the history, the new set in it')

    return 0 if all_passed() else 1


if __name__ == '__main__':
    sys.exit(main())
