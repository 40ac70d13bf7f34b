#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-atspi-form.py: the observation form through accessibility.
#
# Starts the real app (CRS_WATCH) on a ward database made for the test
# (crs-watch-cli import of tests/data/atspi-ward.xml into a private
# XDG_DATA_HOME), then, only through AT-SPI as a screen reader would:
# selects the patient in the ward list, opens Record > Observation Set,
# finds every field of the form by its accessible name, types a set,
# reads the live grade, presses Save, and checks the row in the database.
#
# Needs an accessibility bus: run inside dbus-run-session (the suite
# does). TAP output. The helpers are in crs_atspi.py.

import os
import sqlite3
import sys
import time

from crs_atspi import (App, Atspi, all_passed, click, find, index_nodes, ok, role_and_name,
                       text_of, top_window, wait_for, walk)


def main():
    srcdir = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
    if not App(None).usable():
        print('1..0 # SKIP CRS_WATCH and CRS_WATCH_CLI must name the programs')
        return 0
    print('1..8', flush=True)

    with App(os.path.join(srcdir, 'data', 'atspi-ward.xml')) as app:
        db = app.db
        root = app.root()

        # The ward list, by its name; the patient, by what the row says.
        ward = wait_for('the ward list', lambda: find(root, 'list', 'Patients on the ward'))
        patient = wait_for('the patient row', lambda: find(ward, 'list item', 'Bed 01, Ada Example', prefix=True))
        index = patient.get_index_in_parent()
        ok(Atspi.Selection.select_child(ward, index), 'the patient is selected in the ward list')

        record = wait_for('the Record menu', lambda: find(root, 'push button', 'Record', with_actions=True))
        click(record)
        item = wait_for('Observation Set…', lambda: find(root, 'menu item', 'Observation Set…', with_actions=True))
        click(item)

        def form_window():
            return top_window(root, 'New Observations')

        form = wait_for('the observation form', form_window)
        ok(form is not None, 'Record > Observation Set opens the form')

        # Every control can be found by a name that says what it is.
        controls = [('text', n) for n in ('Temperature', 'Pulse', 'Respiratory rate', 'Systolic pressure',
                                          'Diastolic pressure', 'SpO₂', 'Oxygen flow', 'FiO₂',
                                          'Vasopressors running', 'ICE score', 'Note')]
        controls += [('combo box', n) for n in ('Oxygen device', 'Consciousness (ACVPU)', 'Arousal (ICANS)',
                                                'Seizure', 'Cerebral oedema')]
        controls += [('check box', n) for n in ('Hypotensive', 'Vasopressin running', 'Deep focal motor weakness',
                                                'Record ICE item by item', 'Knows the year', 'Fatigue',
                                                'Rapid heartbeat')]
        controls += [('push button', 'Taken at')]
        nodes = index_nodes(form)
        missing = [name for role, name in controls if (role, name) not in nodes]
        ok(not missing, 'every field is found by its accessible name' +
           (' (missing: %s)' % ', '.join(missing) if missing else ''))

        typed = {
            'Temperature': '39.3',
            'Pulse': '121',
            'Respiratory rate': '22',
            'Systolic pressure': '88',
            'Diastolic pressure': '52',
            'SpO₂': '94',
            'Vasopressors running': '0',
            'ICE score': '9',
            'Note': 'Entered through AT-SPI',
        }
        for name, value in typed.items():
            Atspi.EditableText.set_text_contents(nodes[('text', name)], value)
        time.sleep(0.3)
        shown = {name: text_of(nodes[('text', name)]) for name in typed}
        ok(shown == typed, 'the fields hold what was typed: %r' % shown)

        # The grade as it is typed: fever with a systolic below 90 and
        # no vasopressor is CRS grade 2; with no oxygen device recorded
        # (a choice AT-SPI cannot make in GTK 4.8) it is at least 2.
        def crs_reason():
            # The grades are shown above the fields, before the scrolled form.
            for node in walk(form):
                role, _ = role_and_name(node)
                if role == 'scroll pane':
                    break
                if role == 'label' and text_of(node).startswith('At least grade 2: fever 39.3'):
                    return text_of(node)
            return None

        reason = wait_for('the live CRS grade', crs_reason)
        ok('systolic 88 mmHg' in reason, 'the live grade and its reason are shown: ' + reason)

        save = find(form, 'push button', '_Save', prefix=True, with_actions=True)
        ok(save is not None and click(save), 'Save is pressed')

        wait_for('the form to close', lambda: form_window() is None)
        ok(True, 'the form closes once saved')

        with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as connection:
            rows = connection.execute(
                'SELECT temperature_c, heart_rate, resp_rate, systolic, diastolic, spo2, vasopressors, '
                'ice_total, note, crs_grade, icans_grade, red_flag, o2_device, hypotension '
                'FROM observation').fetchall()
        # Lower bounds are stored as the grade: CRS at least 2, ICANS at
        # least 1 (ICE 9 with no level of consciousness recorded).
        expected = (39.3, 121, 22, 88, 52, 94, 0, 9, 'Entered through AT-SPI', 2, 1, 1, None, None)
        ok(len(rows) == 1 and rows[0] == expected,
           'the database holds the set with its grades: %r' % (rows,))

    return 0 if all_passed() else 1


if __name__ == '__main__':
    sys.exit(main())
