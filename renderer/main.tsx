import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, getConnection } from './api/getApi.js';
import { App } from './app/App.js';
import './app/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={getApi()} connection={getConnection()} />
  </StrictMode>,
);
