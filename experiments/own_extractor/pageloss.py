import pickle, json, sys, numpy as np
exec(open('/tmp/s3/evalp.py').read().split("def run(")[0])
def outs(name,thr,mode='model'):
    res=[]
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
        res.append((sum(s in o for s in v['with']), sum(s not in o for s in v['with']), sum(s in o for s in v['without'])))
    return res
T=outs(None,0,'teacher'); M=outs('gb2',0.5)
pickle.dump((T,M),open('/tmp/s3/pl.pkl','wb'))
d=sorted(range(len(T)), key=lambda i: (M[i][0]-T[i][0]) - (M[i][2]-T[i][2]))
for i in d[:30]: print(i, 'teacher',T[i],'model',M[i], items[i][0][:70])
print('model better:', sum(1 for i in range(len(T)) if (M[i][0]-T[i][0])-(M[i][2]-T[i][2])>0), 'worse', sum(1 for i in range(len(T)) if (M[i][0]-T[i][0])-(M[i][2]-T[i][2])<0))
