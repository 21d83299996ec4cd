import os, sys, time, subprocess
pat, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
pid = None
while not pid:
    r = subprocess.run(['pgrep', '-f', pat], capture_output=True, text=True).stdout.split()
    pid = r[0] if r else None
    if not pid: time.sleep(0.5)
open(out + '/pid', 'w').write(pid)
while os.path.exists('/proc/' + pid):
    ts = time.strftime('%H:%M:%S')
    lines = []
    try:
        for t in os.listdir('/proc/%s/task' % pid):
            try: s = open('/proc/%s/task/%s/stat' % (pid, t)).read()
            except OSError: continue
            n = s[s.index('(')+1:s.rindex(')')]; f = s[s.rindex(')')+2:].split()
            lines.append('%s|%s|%d' % (t, n, int(f[11]) + int(f[12])))
    except OSError: break
    open(out + '/' + ts, 'w').write('\n'.join(lines) + '\n')
    time.sleep(1)
