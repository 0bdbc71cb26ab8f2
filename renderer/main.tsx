import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, getConnection } from './api/getApi.js';
import { App } from './app/App.js';
import { CommentRequests, CommentRequestsContext } from './workbench/comments.js';
import './app/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CommentRequestsContext.Provider value={new CommentRequests()}>
      <App api={getApi()} connection={getConnection()} />
    </CommentRequestsContext.Provider>
  </StrictMode>,
);
