import pickle, json, sys, numpy as np
sys.path.insert(0,'/work/main')
from scraper.document import Block, Document, PageMeta
from scraper import pipeline
from cleaners import default_cleaners
from cleaners.phrasebook import default_phrasebook
from scraper.errors import ScrapeError
ds=pickle.load(open('/tmp/s3/ds.pkl','rb')); pred=pickle.load(open('/tmp/s3/pred.pkl','rb'))
data=json.load(open('/tmp/corpus/evaldata.json')); items=list(data.items())
CL=default_cleaners('html'); PB=default_phrasebook()
KIND={'h1':'heading','h2':'heading','h3':'heading','h4':'heading','h5':'heading','h6':'heading','li':'list_item','pre':'code','blockquote':'quote','td':'table','th':'table'}
def run(name, thr, mode='model'):
    tp=fn=fp=0; H={0:[0,0,0],1:[0,0,0]}
    for i,(u,v) in enumerate(items):
        d=ds[i]
        if mode=='teacher': texts=[(t,'paragraph') for t in d['teach']] if d else []
        elif d and i in pred[name]:
            texts=[]; lastrow=None
            for j,p in enumerate(pred[name][i]):
                if p<=thr: continue
                r=d['rows'][j]
                if r is not None and r==lastrow: texts[-1]=(texts[-1][0]+' | '+d['texts'][j],'table')
                else: texts.append(('\n'.join(d['lines'][j]), KIND.get(d['tags'][j],'paragraph')))
                lastrow=r
        else: texts=[]
        blocks=tuple(Block(j,t,k,j) for j,(t,k) in enumerate(texts))
        try: a=pipeline.run(Document(blocks=blocks,capture='html',meta=PageMeta(url=u)),CL,PB,url=u); o=a.text
        except ScrapeError: o=''
        w=sum(s in o for s in v['with']); m=sum(s not in o for s in v['with']); x=sum(s in o for s in v['without'])
        tp+=w; fn+=m; fp+=x; h=H[i%2]; h[0]+=w; h[1]+=m; h[2]+=x
    def f(tp,fn,fp):
        p=tp/(tp+fp); r=tp/(tp+fn); return 2*p*r/(p+r),p,r
    print(mode,name,thr,'F1 %.4f P %.4f R %.4f'%f(tp,fn,fp),'halves %.4f %.4f'%(f(*H[0])[0],f(*H[1])[0]))
run(None,0,'teacher')
for name in ('lr2','gb2'):
    for thr in (0.3,0.5): run(name,thr)
#={i:np.array(d['y'],float) for i,d in enumerate(ds) if d}
#,0.5)
