import pickle, numpy as np, json
ds=pickle.load(open('/tmp/s3/ds.pkl','rb')); pred=pickle.load(open('/tmp/s3/pred.pkl','rb'))
T,M=pickle.load(open('/tmp/s3/pl.pkl','rb'))
P=pred['gb2']
def f1(R):
    tp=sum(r[0] for r in R); fn=sum(r[1] for r in R); fp=sum(r[2] for r in R); p=tp/(tp+fp); r=tp/(tp+fn); return 2*p*r/(p+r)
stats=[]
for i,d in enumerate(ds):
    if not d or i not in P: stats.append(None); continue
    p=P[i]; L=np.array([len(t) for t in d['texts']])
    kept=L[p>0.5].sum(); unsure=L[(p>0.2)&(p<0.8)].sum(); tot=L.sum()
    stats.append((kept, unsure/max(kept,1), kept/max(tot,1)))
for K in (0,200,400,800):
  for U in (9, 1.0, 0.5, 0.3):
    R=[]; nfb=0
    for i in range(len(T)):
        s=stats[i]
        if s is None or s[0]<K or s[1]>U: R.append(T[i]); nfb+=1
        else: R.append(M[i])
    print(K,U,'F1 %.4f fallback %d'%(f1(R),nfb))
