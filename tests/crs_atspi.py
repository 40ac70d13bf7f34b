# SPDX-License-Identifier: GPL-3.0-or-later
# crs_atspi.py: what the AT-SPI tests share (test-atspi-form.py,
# test-atspi-names.py): TAP output, walking the accessible tree, waiting
# for a condition, and the real app started on a ward made for the test.
#
# The app gets its own environment with accessibility on (the suite's
# GTK_A11Y=none and NO_AT_BRIDGE=1 are removed) and private XDG folders.

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

# libatspi warns here about other programs on the accessibility bus (a
# desktop portal without its cache object yet: "Error in GetItems"). The
# suite's G_DEBUG=fatal-warnings would make that abort the test script,
# not the app under test (which keeps it), and the app, still holding the
# output, would then make the test time out. Criticals stay fatal.
GLib.log_set_always_fatal(GLib.LogLevelFlags.LEVEL_CRITICAL | GLib.LogLevelFlags.LEVEL_ERROR)

TIMEOUT = 20.0
results = []


def ok(condition, description):
    results.append((bool(condition), description))
    print(('ok' if condition else 'not ok') + ' %d - %s' % (len(results), description), flush=True)
    return condition


def all_passed():
    return all(passed for passed, _ in results)


def bail(message):
    print('Bail out! ' + message, flush=True)
    sys.exit(1)


def walk(node):
    yield node
    try:
        count = node.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield from walk(child)


def role_and_name(node):
    try:
        return node.get_role_name(), node.get_name() or ''
    except GLib.Error:
        return None, ''


def find(root, role, name, prefix=False, with_actions=False):
    for node in walk(root):
        node_role, node_name = role_and_name(node)
        if node_role != role:
            continue
        if not (node_name == name or (prefix and node_name.startswith(name))):
            continue
        if with_actions and ('Action' not in node.get_interfaces() or Atspi.Action.get_n_actions(node) == 0):
            continue
        return node
    return None


def index_nodes(root):
    """Every node under @root by (role, name), walked once: each call
    across the bus costs a round trip."""
    nodes = {}
    for node in walk(root):
        key = role_and_name(node)
        nodes.setdefault(key, node)
    return nodes


def wait_for(what, condition, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    bail('timed out waiting for ' + what)


def click(node):
    return Atspi.Action.do_action(node, 0)


def text_of(node):
    if 'Text' not in node.get_interfaces():
        return ''
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def top_window(root, name):
    """The app's top-level window called @name, or None."""
    for i in range(root.get_child_count()):
        node = root.get_child_at_index(i)
        if node is not None and role_and_name(node)[1] == name:
            return node
    return None


class App:
    """The real app (CRS_WATCH) on a ward imported from @ward_xml by
    crs-watch-cli (CRS_WATCH_CLI) into a private XDG_DATA_HOME."""

    def __init__(self, ward_xml):
        self.crs_watch = os.environ.get('CRS_WATCH')
        self.cli = os.environ.get('CRS_WATCH_CLI')
        self.ward_xml = ward_xml
        self.top = None
        self.process = None
        self.db = None

    def usable(self):
        return bool(self.crs_watch and self.cli)

    def __enter__(self):
        self.top = tempfile.mkdtemp(prefix='crs-atspi-')
        data_home = os.path.join(self.top, 'data')
        self.db = os.path.join(data_home, 'crs-watch', 'ward.sqlite')
        os.makedirs(os.path.dirname(self.db), mode=0o700)
        imported = subprocess.run([self.cli, 'import', '--db', self.db, '--xml', self.ward_xml],
                                  capture_output=True, text=True)
        if imported.returncode != 0:
            bail('crs-watch-cli import failed: ' + imported.stderr)

        env = dict(os.environ)
        for key in ('GTK_A11Y', 'NO_AT_BRIDGE'):
            env.pop(key, None)
        for key in ('CONFIG', 'CACHE', 'STATE'):
            env['XDG_%s_HOME' % key] = os.path.join(self.top, key.lower())
        env['XDG_DATA_HOME'] = data_home
        env['GSETTINGS_BACKEND'] = 'memory'
        self.process = subprocess.Popen([self.crs_watch], env=env)
        return self

    def root(self):
        """The app's node on the accessibility bus, once it is there."""
        def application():
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                node = desktop.get_child_at_index(i)
                try:
                    if (node is not None and node.get_process_id() == self.process.pid
                            and node.get_child_count() > 0):
                        return node
                except GLib.Error:
                    pass
            return None
        # A loaded machine (a build beside the suite, the sanitizer build)
        # can take a while to start the app and its accessibility.
        return wait_for('the app on the accessibility bus', application, timeout=3 * TIMEOUT)

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.top, ignore_errors=True)
        return False
