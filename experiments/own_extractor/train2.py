import pickle, numpy as np, sys, math
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold
ds=pickle.load(open('/tmp/s3/ds.pkl','rb'))
idx=[i for i,d in enumerate(ds) if d and d['X']]
def stage2(d, p):
    n=len(p); L=np.array([len(t) for t in d['texts']],float)
    rows=[]
    grp=[{} for _ in range(6)]
    for j,a in enumerate(d['anc']):
        for k in range(6):
            if k<len(a):
                g=grp[k].setdefault(a[k],[0.0,0.0,0]); g[0]+=p[j]*L[j]; g[1]+=L[j]; g[2]+=1
    for j in range(n):
        f=[p[j]]
        for o in (-3,-2,-1,1,2,3):
            f.append(p[j+o] if 0<=j+o<n else 0.0)
        a=d['anc'][j]
        for k in range(6):
            if k<len(a):
                g=grp[k][a[k]]; f+= [g[0]/max(g[1],1), math.log1p(g[1]), g[2]>1]
            else: f+=[0,0,0]
        rows.append(f)
    return rows
def fit(ids, mk):
    X=np.array([r for i in ids for r in ds[i]['X']]); y=np.array([v for i in ids for v in ds[i]['y']])
    groups=np.array([i for i in ids for _ in ds[i]['y']])
    oof=np.zeros(len(y))
    for tr,te in GroupKFold(4).split(X,y,groups):
        oof[te]=mk().fit(X[tr],y[tr]).predict_proba(X[te])[:,1]
    m1=mk().fit(X,y)
    X2=[]; pos=0
    for i in ids:
        n=len(ds[i]['y']); X2+= [a+b for a,b in zip(ds[i]['X'], stage2(ds[i], oof[pos:pos+n]))]; pos+=n
    m2=mk().fit(np.array(X2),y)
    return m1,m2
def predict(m1,m2,d):
    X=np.array(d['X']); p=m1.predict_proba(X)[:,1]
    X2=np.array([a+b for a,b in zip(d['X'], stage2(d,p))]); return m2.predict_proba(X2)[:,1]
odd=[i for i in idx if i%2]; even=[i for i in idx if not i%2]
pred={}
for name,mk in [('lr2',lambda: LogisticRegression(max_iter=3000,C=1.0)),('gb2',lambda: HistGradientBoostingClassifier(max_iter=200))]:
    P={}
    for tr,te in ((odd,even),(even,odd)):
        m1,m2=fit(tr,mk)
        for i in te: P[i]=predict(m1,m2,ds[i])
    yy=np.concatenate([ds[i]['y'] for i in idx]).astype(bool); pp=np.concatenate([P[i] for i in idx])>0.5
    tp=(yy&pp).sum(); print(name,'block P %.3f R %.3f acc %.4f'%(tp/pp.sum(), tp/yy.sum(), (yy==pp).mean()),flush=True)
    pred[name]=P
pickle.dump(pred, open('/tmp/s3/pred.pkl','wb'))
