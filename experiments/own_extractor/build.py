# build dataset: per page DOM blocks, features, teacher labels (segment_html blocks of current main)
import json, sys, os, time, pickle
sys.path.insert(0,'/work/main'); sys.path.insert(0,'/tmp/s3')
import scraper.html as H
from scraper.capture import decode
import dom
C='/tmp/corpus'
data=json.load(open(f'{C}/evaldata.json')); items=list(data.items())
def load(f):
    for d in ('eval','cache'):
        p=f'{C}/{d}/{f}'
        if os.path.exists(p): return open(p,'rb').read()
out=[]; T=0
for u,v in items:
    h=decode(load(v['file']))
    doc=H.segment_html(h,url=u)
    teach=[b.text for b in doc.blocks]
    atoms=set()
    for t in teach:
        for x in t.split('\n'):
            atoms.add(x); atoms.update(x.split(' | '))
    tall='\n'.join(teach)
    tree=H.parse_html(h)
    if tree is None: out.append(None); continue
    body=tree.find('body')
    if body is None: body=tree
    t0=time.perf_counter()
    bl=dom.segment(body); X=dom.features(bl, doc.meta.title)
    T+=time.perf_counter()-t0
    y=[]
    for b in bl:
        if b.text in atoms or b.text in tall and len(b.text)>=40: y.append(1); continue
        cov=sum(len(l) for l in b.lines if l in atoms or (len(l)>=40 and l in tall))
        y.append(int(cov>=0.5*sum(len(l) for l in b.lines)))
    rows=[next((id(e) for e,t,*_ in reversed(b.stack) if t=='tr'),None) if b.tag in ('td','th') else None for b in bl]
    anc=[tuple(id(e) for e,*_ in reversed(b.stack[-6:])) for b in bl]
    out.append(dict(u=u, rows=rows, anc=anc, texts=[b.text for b in bl], lines=[b.lines for b in bl], tags=[b.tag for b in bl], X=X, y=y, teach=teach))
pickle.dump(out, open('/tmp/s3/ds.pkl','wb'))
print('dom+feat %.2f ms/page'%(T/len(items)*1000))
import numpy as np
ys=np.concatenate([d['y'] for d in out if d]); print('blocks',len(ys),'pos',ys.mean())
