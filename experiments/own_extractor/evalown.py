# usage: python evalown.py REPO [N] -> snippet F1 (halves), fallback count, ms/page and ratio vs trafilatura.extract
import json, sys, os, time
sys.path.insert(0, sys.argv[1])
import scraper, trafilatura, scraper.extract as E
from scraper.capture import decode
C='/tmp/corpus'
data=json.load(open(f'{C}/evaldata.json')); items=list(data.items())
N=int(sys.argv[2]) if len(sys.argv)>2 else len(items); items=items[:N]
def load(f):
    for d in ('eval','cache'):
        p=f'{C}/{d}/{f}'
        if os.path.exists(p): return open(p,'rb').read()
pages=[(u,v,decode(load(v['file']))) for u,v in items]
fb=[0]; orig=E.own_blocks
def counting(*a, **k):
    r=orig(*a, **k)
    if r is None: fb[0]+=1
    return r
E.own_blocks=counting
import scraper.html as H; H.own_blocks=counting
scraper.clean_html(pages[0][2],url=pages[0][0]); trafilatura.extract(pages[0][2])
H2={0:[0,0,0],1:[0,0,0]}; to=tt=0
for i,(u,v,h) in enumerate(pages):
    t0=time.perf_counter()
    try: a=scraper.clean_html(h,url=u); o=(a.title or '')+'\n'+a.text
    except scraper.ScrapeError: o=''
    t1=time.perf_counter(); trafilatura.extract(h); t2=time.perf_counter(); to+=t1-t0; tt+=t2-t1
    x=H2[i%2]; x[0]+=sum(s in o for s in v['with']); x[1]+=sum(s not in o for s in v['with']); x[2]+=sum(s in o for s in v['without'])
def f(tp,fn,fp):
    p=tp/(tp+fp); r=tp/(tp+fn); return 2*p*r/(p+r),p,r
tot=[H2[0][k]+H2[1][k] for k in range(3)]
print('F1 %.4f P %.4f R %.4f'%f(*tot), 'halves %.4f %.4f'%(f(*H2[0])[0],f(*H2[1])[0]), 'fallback', fb[0], 'ours %.1f ms traf %.1f ms ratio %.2fx'%(to/N*1000,tt/N*1000,tt/to))
