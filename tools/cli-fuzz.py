"""Random requirements files through the CLI: every run must end with exit code 0 to 3, never an internal error.

    python3 tools/cli-fuzz.py SEED RUNS      (after mvn -B -q -DskipTests package)

Lines are built from the mirror's project names and pieces of PEP 508, pip options and hostile text; each file goes
to check (text, json, markdown; several images), requirements, check --deep or advise, on standard input.
"""
import os
import random
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MIRROR = os.path.join(ROOT, "fixtures", "mirror")
JAR = os.path.join(ROOT, "cli", "target", "wheelscout.jar")
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
names = sorted(os.listdir(os.path.join(MIRROR, 'simple')))
names = [n for n in names if n != 'index.html']
pieces = ['', '==', '>=', '<', '!=', '~=', '===', '1.0', '2', '.*', '*', ',', ';', ' ', 'python_version', '<"3.11"', "'3'",
  ' and ', ' or ', '(', ')', '[', ']', 'extra', '@', 'https://x.example/a.whl', 'file:///tmp/x', '#', '#egg=', '\\', '\t',
  '-r', '-c', '--hash=sha256:00', '--pre', '--only-binary', ':all:', '--no-binary', '--index-url', '--extra-index-url',
  '-e', '.', '..', '\x00', '\ufeff', 'ſ', 'é', '\u2028', '${HOME}', '$', 'sys_platform', '=="linux"', 'platform_machine',
  'implementation_name', '!', '1!2.0', '+local', '.post1', 'rc1', '.dev0', 'v1', '-', '_', '0' * 30]
def line():
    r = random.random()
    if r < 0.5:
        return random.choice(names) + ''.join(random.choice(pieces) for _ in range(random.randint(0, 4)))
    return ''.join(random.choice(pieces + names[:5]) for _ in range(random.randint(0, 8)))
bad = 0
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 100):
    content = '\n'.join(line() for _ in range(random.randint(1, 12))) + random.choice(['', '\n', '\r\n'])
    cmd = random.choice([
        ['check', '-r', '-', '--index-url', MIRROR, '--image', random.choice(['python:3.12-alpine', 'python:3.9-slim', 'pypy:3.10-slim']), '--no-cache', '--format', random.choice(['text', 'json', 'markdown'])],
        ['requirements', '-', '--format', random.choice(['text', 'json'])],
        ['check', '--deep', '-r', '-', '--index-url', MIRROR, '--image', 'python:3.12-slim', '--no-cache'],
        ['advise', '-r', '-', '--index-url', MIRROR, '--no-cache', '--format', random.choice(['text', 'json', 'html'])],
    ])
    p = subprocess.run(['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', JAR] + cmd,
                       input=content.encode('utf-8', 'surrogatepass'), capture_output=True, timeout=120)
    err = p.stderr.decode('utf-8', 'replace')
    if p.returncode not in (0, 1, 2, 3) or 'internal error' in err or 'Exception' in err:
        bad += 1
        print('=== rc', p.returncode, cmd[0], repr(content)[:300]); print(err[:800])
print('runs done, bad =', bad)
